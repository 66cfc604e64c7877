import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueCategory,
  type Civility,
  professionalDisplayName,
  type TaskSubject,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { type Actor, canSee } from '../common/scope/territory-scope';

/**
 * The table of each kind of subject. A task refers to its subject by type and id; tasks read
 * those tables (to check a subject and name it) but never write them, and import none of the
 * domains that own them.
 */
const TABLES: Readonly<Record<TaskSubject, string>> = {
  site: 'training_sites',
  professional: 'professionals',
  referral: 'candidate_referrals',
  access_issue: 'access_issues',
  site_visit: 'site_visits',
  accreditation: 'accreditations',
  measure: 'support_measures',
  committee_meeting: 'committee_meetings',
};

const NAMES: Readonly<Record<TaskSubject, string>> = {
  site: 'terrain de stage',
  professional: 'professionnel',
  referral: 'signalement',
  access_issue: 'difficulté d’accès',
  site_visit: 'visite',
  accreditation: 'agrément',
  measure: 'dispositif',
  committee_meeting: 'réunion de comité',
};

/** The département of a live subject the actor can see; anything else is a 400 (the URL is about the task). */
export async function subjectDepartement(
  manager: EntityManager,
  actor: Actor,
  type: TaskSubject,
  id: string,
): Promise<string> {
  const [row]: { departement_code: string }[] = await manager.query(
    `SELECT departement_code FROM ${TABLES[type]} WHERE id = $1 AND archived_at IS NULL`,
    [id],
  );
  if (!row || !canSee(actor, row.departement_code)) {
    throw new DomainException('BAD_INPUT', `subjectId : ${NAMES[type]} introuvable dans votre département.`);
  }
  return row.departement_code;
}

type Row = Record<string, string | null> & { id: string };

const person = (r: Row) =>
  professionalDisplayName({
    civility: r['civility'] as Civility | null,
    firstName: r['first_name'] ?? '',
    lastName: r['last_name'] ?? '',
  });
const frDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** One query per subject type present; each returns the columns its label needs. */
const LABELS: Readonly<Record<TaskSubject, { sql: string; label: (r: Row) => string }>> = {
  site: { sql: 'SELECT id, name FROM training_sites WHERE id = ANY($1::uuid[])', label: (r) => r['name'] ?? '' },
  professional: {
    sql: 'SELECT id, civility, first_name, last_name FROM professionals WHERE id = ANY($1::uuid[])',
    label: person,
  },
  referral: {
    sql: 'SELECT id, civility, first_name, last_name FROM candidate_referrals WHERE id = ANY($1::uuid[])',
    label: (r) => `Signalement de ${person(r)}`,
  },
  access_issue: {
    sql: `SELECT i.id, i.category, s.name FROM access_issues i JOIN training_sites s ON s.id = i.site_id
      WHERE i.id = ANY($1::uuid[])`,
    label: (r) =>
      `${ACCESS_ISSUE_CATEGORY_LABELS[r['category'] as AccessIssueCategory] ?? 'Difficulté'} — ${r['name']}`,
  },
  site_visit: {
    sql: `SELECT v.id, to_char(COALESCE(v.visited_on, v.planned_on), 'YYYY-MM-DD') AS day, s.name
      FROM site_visits v JOIN training_sites s ON s.id = v.site_id WHERE v.id = ANY($1::uuid[])`,
    label: (r) => `Visite du ${frDate(r['day'])} — ${r['name']}`,
  },
  accreditation: {
    sql: `SELECT a.id, p.civility, p.first_name, p.last_name, s.name FROM accreditations a
      LEFT JOIN professionals p ON p.id = a.professional_id LEFT JOIN training_sites s ON s.id = a.site_id
      WHERE a.id = ANY($1::uuid[])`,
    label: (r) => `Agrément de ${r['name'] ?? person(r)}`,
  },
  measure: { sql: 'SELECT id, name FROM support_measures WHERE id = ANY($1::uuid[])', label: (r) => r['name'] ?? '' },
  committee_meeting: {
    sql: `SELECT id, title, to_char(held_on, 'YYYY-MM-DD') AS day FROM committee_meetings WHERE id = ANY($1::uuid[])`,
    label: (r) => `${r['title'] ?? 'Comité'} du ${frDate(r['day'])}`,
  },
};

/** French labels of the subjects of a page of tasks, keyed `type:id`, in one query per type present. */
export async function subjectLabels(
  manager: EntityManager,
  tasks: readonly { subjectType: TaskSubject | null; subjectId: string | null }[],
): Promise<Map<string, string>> {
  const idsByType = new Map<TaskSubject, Set<string>>();
  for (const t of tasks) {
    if (t.subjectType && t.subjectId)
      idsByType.set(t.subjectType, (idsByType.get(t.subjectType) ?? new Set()).add(t.subjectId));
  }
  const labels = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const rows: Row[] = await manager.query(LABELS[type].sql, [[...ids]]);
    rows.forEach((r) => labels.set(`${type}:${r.id}`, LABELS[type].label(r)));
  }
  return labels;
}
