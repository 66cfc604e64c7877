import { type AccreditationValidity } from './accreditations';
import { MSU_STAGE_LABELS, type MsuStage } from './professionals';

/** Stages that say the professional holds an accreditation in force. */
const ACCREDITED_STAGES: readonly MsuStage[] = ['accredited', 'active'];
/** Stages that come before an accreditation (nothing to say when one is in force: the pipeline lags). */
const BEFORE_ACCREDITATION: readonly MsuStage[] = [
  'identified',
  'contacted',
  'interested',
  'in_training',
  'file_submitted',
];
const IN_FORCE: readonly AccreditationValidity[] = ['valid', 'expiring_soon', 'renewed'];

/**
 * Where the MSU pipeline and the accreditation records disagree, in words for the screen, or
 * null when they agree. « Agréé » and « MSU actif » need an accreditation in force; an
 * accreditation in force while the pipeline is still before « Agréé » is said too.
 */
export function pipelineAccreditationGap(
  stage: MsuStage,
  accreditations: readonly { validity: AccreditationValidity }[],
): string | null {
  const inForce = accreditations.some((a) => IN_FORCE.includes(a.validity));
  const label = MSU_STAGE_LABELS[stage];
  if (ACCREDITED_STAGES.includes(stage) && !inForce) {
    const pending = accreditations.some((a) => a.validity === 'pending');
    return accreditations.length === 0
      ? `Étape « ${label} » mais aucun agrément n’est enregistré : ajoutez l’agrément ou corrigez l’étape.`
      : pending
        ? `Étape « ${label} » mais l’agrément est encore en demande : accordez-le ou corrigez l’étape.`
        : `Étape « ${label} » mais aucun agrément n’est en vigueur (expiré ou retiré) : renouvelez-le ou corrigez l’étape.`;
  }
  if (BEFORE_ACCREDITATION.includes(stage) && inForce) {
    return `Un agrément est en vigueur mais le parcours est à l’étape « ${label} » : passez-le à « ${MSU_STAGE_LABELS.accredited} ».`;
  }
  return null;
}
