import { addMonths, type SiteRecord, type SiteVisitDetail, todayInFrance } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AccessIssue } from '../src/access-issues/access-issue.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';
import { SiteVisit } from '../src/visits/site-visit.entity';
import { VisitParticipant } from '../src/visits/visit-participant.entity';
import { type Body, buildSite } from './site-factories';
import type { AuthedAgent, TestApp } from './test-app';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const messagesOf = (res: Response): string[] => [res.body.message].flat();

/** ISO date `months` from today in France (negative: in the past). */
export const monthsFromToday = (months: number): string => addMonths(todayInFrance(), months);

/** A valid body for `POST /api/site-visits`. */
export function buildVisitPlan(siteId: string, overrides: Body = {}): Body {
  return { siteId, purpose: 'follow_up', plannedOn: monthsFromToday(1), plannedTime: '09:30', ...overrides };
}

/** A valid body for `POST /api/site-visits/:id/record`: visited today, two issues, two actions. */
export function buildRecord(version: number, officerId: string, overrides: Body = {}): Body {
  const visitedOn = (overrides['visitedOn'] as string | undefined) ?? addMonths(todayInFrance(), 0);
  return {
    version,
    visitedOn,
    participants: [
      { kind: 'mission_officer', userId: officerId },
      { kind: 'msu', name: 'Dr Claire Dupont' },
    ],
    checklist: {
      consultation_room: { answer: 'ok' },
      housing_available: { answer: 'missing', comment: 'Aucune offre à moins de 20 km.' },
      public_transport: { answer: 'to_improve' },
    },
    findings: 'Locaux adaptés, équipe motivée ; le logement reste le principal frein.',
    nextVisitOn: addMonths(visitedOn, 12),
    issues: [
      { category: 'housing', severity: 3, description: 'Aucun logement meublé à proximité du site.' },
      { category: 'public_transport', severity: 2, description: 'Dernier bus à 19 h, trop tôt pour les internes.' },
    ],
    actions: [
      { title: 'Contacter la mairie pour un logement communal', ownerId: officerId, dueOn: addMonths(visitedOn, 1) },
      { title: 'Rédiger le livret d’accueil', ownerLabel: 'MSU du site', dueOn: addMonths(visitedOn, 2) },
    ],
    ...overrides,
  };
}

/** What a rejected request must leave untouched. */
export async function counts(t: TestApp) {
  return {
    visits: await t.db.getRepository(SiteVisit).count(),
    participants: await t.db.getRepository(VisitParticipant).count(),
    issues: await t.db.getRepository(AccessIssue).count(),
    tasks: await t.db.getRepository(Task).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
    versions: (await t.db.getRepository(SiteVisit).find({ order: { id: 'ASC' } })).map((v) => `${v.id}:${v.version}`),
  };
}

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  return (await t.db.getRepository(User).findOneByOrFail({ email })).id;
}

/** Helpers bound to an editor's agent. */
export function visitHelpers(agent: AuthedAgent) {
  async function createSite(overrides: Body = {}): Promise<SiteRecord> {
    const res = await agent('post', '/api/sites').send(buildSite(overrides));
    if (res.status !== 201) throw new Error(`create site: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SiteRecord;
  }
  async function planVisit(siteId: string, overrides: Body = {}): Promise<SiteVisitDetail> {
    const res = await agent('post', '/api/site-visits').send(buildVisitPlan(siteId, overrides));
    if (res.status !== 201) throw new Error(`plan visit: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SiteVisitDetail;
  }
  async function recordVisit(
    visit: SiteVisitDetail,
    officerId: string,
    overrides: Body = {},
  ): Promise<SiteVisitDetail> {
    const res = await agent('post', `/api/site-visits/${visit.id}/record`).send(
      buildRecord(visit.version, officerId, overrides),
    );
    if (res.status !== 200) throw new Error(`record visit: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SiteVisitDetail;
  }
  return { createSite, planVisit, recordVisit };
}
