import { addYears, MSU_FUNNEL, type MsuStage } from '@maillage/shared/domain';

import { addDays, type DemoRandom, maxDate, minDate } from './demo-kit';
import type { ProfessionalDraft, StageEventDraft } from './demo-people';

const NOTES: Readonly<Record<MsuStage, string>> = {
  identified: 'Repéré par la chargée de mission.',
  contacted: 'Premier échange : présentation de la maîtrise de stage et des indemnités.',
  interested: 'Intéressé ; souhaite des informations sur la formation initiale.',
  in_training: 'Inscrit à la formation initiale MSU.',
  file_submitted: 'Dossier d’agrément transmis.',
  accredited: 'Agrément obtenu.',
  active: 'Premier interne accueilli.',
  declined: 'Ne souhaite pas accueillir d’interne pour le moment.',
  retired: 'Cessation d’activité.',
};
const IMPORT_NOTE = 'Reprise du fichier des MSU existants (partenariat CDOM 77).';
const FUNNEL = MSU_FUNNEL.slice(0, 6);

/** Events through `stages` from `from` to `to`, in order, with dates drawn in between. */
function chain(random: DemoRandom, stages: readonly MsuStage[], from: string, to: string): StageEventDraft[] {
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  const inner = Array.from({ length: Math.max(0, stages.length - 2) }, () => random.int(0, span)).sort((a, b) => a - b);
  const offsets = stages.length === 1 ? [span] : [0, ...inner, span];
  return stages.map((stage, i) => ev(i === 0 ? null : stages[i - 1], stage, addDays(from, offsets[i])));
}

const ev = (from: MsuStage | null, to: MsuStage, on: string, note = NOTES[to]): StageEventDraft => ({
  from,
  to,
  on,
  note,
});

function nextSemesterStart(date: string): string {
  const year = Number(date.slice(0, 4));
  return [`${year}-05-01`, `${year}-11-01`, `${year + 1}-05-01`].find((d) => d > date) as string;
}

/** The pipeline history of a professional (in the past three years), and the dates its scenario implies. */
export function timeline(random: DemoRandom, p: ProfessionalDraft, today: string, importOn: string): void {
  const since = (min: number, max: number) => maxDate(importOn, addDays(today, -random.int(min, max)));
  const imported = () => ev(null, 'active', addDays(importOn, random.int(0, 40)), IMPORT_NOTE);
  const recruit = (start: string, stages = FUNNEL) =>
    chain(random, stages, maxDate(importOn, addDays(start, -random.int(240, 420))), start);
  switch (p.scenario) {
    case 'regular': {
      const start = addDays(addYears(today, -5), random.int(200, 1_525));
      p.accreditationStart = start;
      p.events =
        start < addDays(importOn, 45)
          ? [imported()]
          : [...recruit(start), ev('accredited', 'active', nextSemesterStart(start))];
      break;
    }
    case 'expiring':
      p.accreditationStart = addDays(addYears(today, -5), random.int(5, 170));
      p.events = [imported()];
      break;
    case 'recent':
      p.accreditationStart = addDays(today, -random.int(15, 300));
      p.events = recruit(p.accreditationStart);
      break;
    case 'expired': {
      const end = addDays(today, -random.int(30, 90));
      p.accreditationStart = addYears(addDays(end, 1), -5);
      p.events = [
        imported(),
        ev(
          'active',
          'accredited',
          addDays(end, 1),
          'Agrément arrivé à échéance : accueil interrompu jusqu’au renouvellement.',
        ),
      ];
      break;
    }
    case 'conditional': {
      p.withdrawnOn = addDays(today, -random.int(300, 500));
      p.formerStart = addDays(importOn, -random.int(60, 1_000));
      p.accreditationStart = addDays(today, -random.int(30, 120));
      p.events = [
        imported(),
        ev('active', 'contacted', p.withdrawnOn, 'Agrément retiré ; accompagnement proposé par la chargée de mission.'),
        ev(
          'contacted',
          'file_submitted',
          addDays(p.withdrawnOn, random.int(60, 150)),
          'Nouvelle demande après retrait.',
        ),
        ev('file_submitted', 'accredited', p.accreditationStart, 'Agrément conditionnel d’un an accordé.'),
      ];
      break;
    }
    case 'pending':
      p.events = chain(random, FUNNEL.slice(0, 5), since(240, 500), addDays(today, -random.int(10, 120)));
      break;
    case 'newcomer':
      p.settledOn = addDays(today, -random.int(20, 330));
      p.firstInstallationYear = Number(p.settledOn.slice(0, 4));
      p.events = [
        ev(null, 'identified', minDate(today, addDays(p.settledOn, random.int(5, 15))), 'Installé récemment.'),
      ];
      break;
    case 'retired_expired': {
      const end = maxDate(addDays(importOn, 90), addDays(today, -random.int(60, 900)));
      p.accreditationStart = addYears(addDays(end, 1), -5);
      p.events = [
        imported(),
        ev('active', 'retired', addDays(end, random.int(0, 20)), 'Départ en retraite ; agrément non renouvelé.'),
      ];
      break;
    }
    default:
      p.events = pipelineEvents(random, p.stage, since, today);
  }
}

function pipelineEvents(
  random: DemoRandom,
  stage: MsuStage,
  since: (min: number, max: number) => string,
  today: string,
): StageEventDraft[] {
  const end = (min: number, max: number) => addDays(today, -random.int(min, max));
  switch (stage) {
    case 'in_training':
      return chain(random, FUNNEL.slice(0, 4), since(120, 400), end(5, 90));
    case 'interested':
      return chain(random, FUNNEL.slice(0, 3), since(60, 500), end(5, 60));
    case 'contacted':
      return chain(random, FUNNEL.slice(0, 2), since(30, 600), end(3, 25));
    case 'declined': {
      const path: MsuStage[] = random.chance(0.4)
        ? ['identified', 'contacted', 'interested', 'declined']
        : ['identified', 'contacted', 'declined'];
      return chain(random, path, since(90, 900), end(5, 60));
    }
    case 'retired':
      return chain(random, ['identified', 'retired'], since(200, 1_000), end(5, 150));
    default:
      return [{ from: null, to: 'identified', on: since(3, 1_000), note: NOTES.identified }];
  }
}
