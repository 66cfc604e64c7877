import type { VisitStatus } from '@maillage/shared/domain';
import { IsNull, Not } from 'typeorm';

import { CandidateReferral } from '../src/referrals/candidate-referral.entity';
import { Task } from '../src/tasks/task.entity';
import { SiteVisit } from '../src/visits/site-visit.entity';
import type { TestApp } from './test-app';

/*
 * Records written straight to the database: visits and referrals belong to other modules,
 * the reminders only need rows to read.
 */

/** A visit of a site, done on `visitedOn` unless told otherwise. */
export async function insertVisit(
  t: TestApp,
  siteId: string,
  options: { visitedOn?: string; status?: VisitStatus } = {},
): Promise<SiteVisit> {
  const status = options.status ?? 'done';
  const day = options.visitedOn ?? '2026-01-15';
  const repo = t.db.getRepository(SiteVisit);
  return repo.save(
    repo.create({
      departementCode: '77',
      siteId,
      purpose: 'follow_up',
      status,
      plannedOn: day,
      visitedOn: status === 'done' ? day : null,
      archivedAt: null,
    }),
  );
}

/** An open referral by a CDOM user, created at `createdAt` (an instant). */
export async function insertReferral(
  t: TestApp,
  referredById: string,
  options: { createdAt: string; lastName?: string; status?: CandidateReferral['status'] },
): Promise<CandidateReferral> {
  const repo = t.db.getRepository(CandidateReferral);
  const saved = await repo.save(
    repo.create({
      departementCode: '77',
      civility: 'DR',
      firstName: 'Jeanne',
      lastName: options.lastName ?? 'Leroy',
      reason: 'Installée depuis 3 ans, intéressée par l’accueil d’internes.',
      referredById,
      status: options.status ?? 'new',
      archivedAt: null,
    }),
  );
  await backdate(t, 'candidate_referrals', saved.id, options.createdAt);
  return repo.findOneByOrFail({ id: saved.id });
}

/** A follow-up action decided at a visit (as the visits API writes them). */
export async function insertVisitAction(
  t: TestApp,
  visit: SiteVisit,
  options: { title: string; dueOn: string; ownerId?: string; ownerLabel?: string },
): Promise<Task> {
  const repo = t.db.getRepository(Task);
  return repo.save(
    repo.create({
      departementCode: visit.departementCode,
      title: options.title,
      dueOn: options.dueOn,
      ownerId: options.ownerId ?? null,
      ownerLabel: options.ownerLabel ?? null,
      subjectType: 'site_visit',
      subjectId: visit.id,
      visitId: visit.id,
    }),
  );
}

/** Moves a record's creation instant (e.g. `2025-01-15T10:00:00+01:00`). */
export async function backdate(
  t: TestApp,
  table: 'training_sites' | 'candidate_referrals',
  id: string,
  createdAt: string,
): Promise<void> {
  await t.db.query(`UPDATE ${table} SET created_at = $2 WHERE id = $1`, [id, createdAt]);
}

/** The reminders raised about a record, oldest first. */
export function remindersAbout(t: TestApp, subjectId: string): Promise<Task[]> {
  return t.db.getRepository(Task).find({
    where: { subjectId, rule: Not(IsNull()) },
    order: { createdAt: 'ASC', reminderKey: 'ASC' },
  });
}
