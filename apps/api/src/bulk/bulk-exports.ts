import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  type BulkResource,
  CIVILITY_LABELS,
  hasPermission,
  MSU_STAGE_LABELS,
  PRACTICE_MODE_LABELS,
  PRIORITY_LABELS,
  REFERRAL_STATUS_LABELS,
  type Role,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  TASK_STATUS_LABELS,
  todayInFrance,
} from '@maillage/shared/domain';
import { type EntityManager, In } from 'typeorm';

import { holderIdOf, holderNames } from '../accreditations/accreditation-views';
import type { Accreditation } from '../accreditations/accreditation.entity';
import type { ScopedEntity } from '../common/scope/scoped.entity';
import type { Professional } from '../professionals/professional.entity';
import type { CandidateReferral } from '../referrals/candidate-referral.entity';
import type { TrainingSite } from '../sites/training-site.entity';
import type { Task } from '../tasks/task.entity';
import { Commune } from '../territory/entities/commune.entity';
import { User } from '../users/user.entity';
import { type CsvValue, frenchDay } from './bulk-csv';

export interface CsvTable {
  header: string[];
  rows: CsvValue[][];
}

/** The export of a selection: the list's columns, only those the role may read (RPPS, contacts). */
type Export<T extends ScopedEntity> = (manager: EntityManager, rows: T[], role: Role) => Promise<CsvTable>;

async function communeNames(manager: EntityManager, codes: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes.filter((c): c is string => c !== null))];
  const rows = unique.length ? await manager.getRepository(Commune).findBy({ code: In(unique) }) : [];
  return new Map(rows.map((c) => [c.code, c.name]));
}

const sites: Export<TrainingSite> = async (manager, rows) => {
  const communes = await communeNames(
    manager,
    rows.map((s) => s.communeCode),
  );
  return {
    header: [
      'Nom',
      'Type',
      'Statut',
      'Adresse',
      'Code postal',
      'Commune',
      'SIRET',
      'Transports en commun',
      'Logement sur place',
      'Distance au CHU (km)',
    ],
    rows: rows.map((s) => [
      s.name,
      SITE_KIND_LABELS[s.kind],
      SITE_STATUS_LABELS[s.status],
      [s.addressLine1, s.addressLine2].filter(Boolean).join(', '),
      s.postalCode,
      communes.get(s.communeCode) ?? s.communeCode,
      s.siret,
      s.publicTransport,
      s.housingOnSite,
      s.distanceToChuKm,
    ]),
  };
};

const professionals: Export<Professional> = (_, rows, role) => {
  const rpps = hasPermission(role, 'professionals.readRpps');
  const contact = hasPermission(role, 'professionals.readContact');
  return Promise.resolve({
    header: [
      'Civilité',
      'Prénom',
      'Nom',
      ...(rpps ? ['RPPS'] : []),
      'Profession',
      'Spécialité',
      'Mode d’exercice',
      'Étape MSU',
      'Depuis le',
      ...(contact ? ['E-mail', 'Téléphone'] : []),
    ],
    rows: rows.map((p) => [
      p.civility ? CIVILITY_LABELS[p.civility] : '',
      p.firstName,
      p.lastName,
      ...(rpps ? [p.rpps] : []),
      p.profession,
      p.specialty,
      p.practiceMode ? PRACTICE_MODE_LABELS[p.practiceMode] : '',
      MSU_STAGE_LABELS[p.msuStage],
      frenchDay(p.msuStageSince),
      ...(contact ? [p.email, p.phone] : []),
    ]),
  });
};

const accreditations: Export<Accreditation> = async (manager, rows) => {
  const holders = await holderNames(manager, rows);
  return {
    header: [
      'Titulaire',
      'Cycle',
      'Type',
      'Types de stage',
      'Statut',
      'Début',
      'Fin',
      'Étudiants au plus',
      'Autorité',
      'Référence',
    ],
    rows: rows.map((a) => [
      holders.get(holderIdOf(a)) ?? '',
      a.cycle === '2' ? '2e cycle' : '3e cycle',
      ACCREDITATION_TYPE_LABELS[a.type],
      a.stageTypes.join(', '),
      ACCREDITATION_STATUS_LABELS[a.status],
      frenchDay(a.startDate),
      frenchDay(a.endDate),
      a.maxStudents,
      a.authority,
      a.reference,
    ]),
  };
};

const tasks: Export<Task> = async (manager, rows) => {
  const ownerIds = [...new Set(rows.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
  const owners = ownerIds.length
    ? await manager.getRepository(User).find({ select: { id: true, displayName: true }, where: { id: In(ownerIds) } })
    : [];
  const ownerName = new Map(owners.map((u) => [u.id, u.displayName]));
  return {
    header: ['Titre', 'Échéance', 'Statut', 'Priorité', 'Responsable', 'Description'],
    rows: rows.map((t) => [
      t.title,
      frenchDay(t.dueOn),
      TASK_STATUS_LABELS[t.status],
      PRIORITY_LABELS[t.priority],
      t.ownerId ? (ownerName.get(t.ownerId) ?? '') : (t.ownerLabel ?? 'Équipe'),
      t.description,
    ]),
  };
};

const referrals: Export<CandidateReferral> = async (manager, rows, role) => {
  const rpps = hasPermission(role, 'professionals.readRpps');
  const communes = await communeNames(
    manager,
    rows.map((r) => r.communeCode),
  );
  return {
    header: [
      'Civilité',
      'Prénom',
      'Nom',
      ...(rpps ? ['RPPS'] : []),
      'Spécialité',
      'Commune',
      'Priorité',
      'Statut',
      'Reçu le',
      'Motif',
      'Clos le',
      'Note de clôture',
    ],
    rows: rows.map((r) => [
      r.civility ? CIVILITY_LABELS[r.civility] : '',
      r.firstName,
      r.lastName,
      ...(rpps ? [r.rpps] : []),
      r.specialty,
      r.communeCode ? (communes.get(r.communeCode) ?? r.communeCode) : '',
      PRIORITY_LABELS[r.priority],
      REFERRAL_STATUS_LABELS[r.status],
      frenchDay(todayInFrance(r.createdAt)),
      r.reason,
      frenchDay(r.closedAt ? todayInFrance(r.closedAt) : null),
      r.outcomeNote,
    ]),
  };
};

/** The file name of an export, in French: `terrains-2026-03-11.csv`. */
export const EXPORT_NAMES: Readonly<Record<BulkResource, string>> = {
  sites: 'terrains',
  professionals: 'professionnels',
  accreditations: 'agrements',
  tasks: 'taches',
  'candidate-referrals': 'signalements',
};

export const BULK_EXPORTS: Readonly<Record<BulkResource, Export<ScopedEntity>>> = {
  sites: sites as unknown as Export<ScopedEntity>,
  professionals: professionals as unknown as Export<ScopedEntity>,
  accreditations: accreditations as unknown as Export<ScopedEntity>,
  tasks: tasks as unknown as Export<ScopedEntity>,
  'candidate-referrals': referrals as unknown as Export<ScopedEntity>,
};
