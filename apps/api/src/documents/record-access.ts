import { DOCUMENT_RECORDS, type DocumentRecordType, hasPermission } from '@maillage/shared/domain';
import type { EntityManager, EntityTarget } from 'typeorm';

import { Accreditation } from '../accreditations/accreditation.entity';
import { CommitteeMeeting } from '../committees/committee-meeting.entity';
import { DomainException } from '../common/errors/domain-exception';
import { findScoped } from '../common/persistence/scoped-records';
import type { ScopedEntity } from '../common/scope/scoped.entity';
import type { Actor } from '../common/scope/territory-scope';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import { MADE_BY_CDOM } from '../referrals/referrals.service';
import { TrainingSite } from '../sites/training-site.entity';
import { SiteVisit } from '../visits/site-visit.entity';
import { assertMayRead } from '../visits/visit-participants';

const TARGETS: Readonly<Record<DocumentRecordType, EntityTarget<ScopedEntity>>> = {
  site: TrainingSite,
  accreditation: Accreditation,
  site_visit: SiteVisit,
  referral: CandidateReferral,
  committee_meeting: CommitteeMeeting,
};

/**
 * The record a document hangs on, if the actor may read (or write) it: the record's permission
 * (403 otherwise), its département (404 otherwise), and its own visibility rules — the CDOM
 * reads only the CDOM's referrals, and a visit's papers only when it took part in the visit.
 */
export async function findRecord(
  manager: EntityManager,
  actor: Actor,
  type: DocumentRecordType,
  id: string,
  mode: 'read' | 'write',
): Promise<ScopedEntity> {
  const info = DOCUMENT_RECORDS[type];
  if (!hasPermission(actor.role, info[mode])) {
    throw new DomainException(
      'FORBIDDEN',
      mode === 'read'
        ? 'Votre rôle ne permet pas de consulter les documents de cet enregistrement.'
        : 'Votre rôle ne permet pas de modifier les documents de cet enregistrement.',
    );
  }
  const record = await findScoped(manager, actor, TARGETS[type], id, info.label);
  if (type === 'referral' && actor.role === 'cdom') {
    const visible = await manager
      .getRepository(CandidateReferral)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .andWhere(MADE_BY_CDOM)
      .getExists();
    if (!visible) throw DomainException.notFound(info.label);
  }
  if (type === 'site_visit') await assertMayRead(manager, actor, id);
  return record;
}
