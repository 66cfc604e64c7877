import type { AccessIssueCategory, AccessIssueSource, AccessIssueStatus, Severity } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AccessIssue } from '../src/access-issues/access-issue.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { SupportMeasure } from '../src/measures/support-measure.entity';
import type { Body } from './site-factories';
import type { TestApp } from './test-app';

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** The closing part of a valid body for `/resolve` and `/wont-fix`. */
export const CLOSING = {
  closedOn: '2026-03-01',
  resolution: 'Convention signée avec le foyer de jeunes travailleurs.',
};

/** Passes when one of the messages of a 400 matches. */
export const expectMessage = (res: Response, message: RegExp) =>
  expect([res.body.message].flat()).toEqual(expect.arrayContaining([expect.stringMatching(message)]));

/** A valid body for `POST /api/access-issues` at a site. */
export function buildIssue(siteId: string, overrides: Body = {}): Body {
  return {
    siteId,
    category: 'housing',
    severity: 3,
    description: 'Aucun logement disponible à moins de 30 minutes du cabinet.',
    source: 'visit',
    raisedOn: '2026-01-15',
    ...overrides,
  };
}

/** A valid body for `POST /api/support-measures`. */
export function buildMeasure(overrides: Body = {}): Body {
  return {
    type: 'housing_aid',
    name: 'Aide au logement des internes',
    description: 'Prise en charge d’une partie du loyer pendant le stage.',
    budgetPlanned: 20000,
    budgetCommitted: 5000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    status: 'active',
    indicators: [{ name: 'Internes aidés', target: 12, value: 4, unit: 'internes' }],
    ...overrides,
  };
}

export interface IssueRow {
  category?: AccessIssueCategory;
  severity?: Severity;
  status?: AccessIssueStatus;
  source?: AccessIssueSource;
  raisedOn?: string;
  description?: string;
  archived?: boolean;
  departementCode?: string;
}

/**
 * An issue written straight to the database, in any status (closed ones get a closing date):
 * the board and filter tests need exact data, not a walk through the actions.
 */
export async function insertIssue(t: TestApp, siteId: string, row: IssueRow = {}): Promise<AccessIssue> {
  const repo = t.db.getRepository(AccessIssue);
  const status = row.status ?? 'open';
  const raisedOn = row.raisedOn ?? '2026-02-01';
  return repo.save(
    repo.create({
      siteId,
      departementCode: row.departementCode ?? '77',
      category: row.category ?? 'housing',
      severity: row.severity ?? 2,
      description: row.description ?? 'Difficulté de test suffisamment décrite.',
      source: row.source ?? 'visit',
      status,
      raisedOn,
      closedOn: status === 'resolved' || status === 'wont_fix' ? raisedOn : null,
      resolution: null,
      visitId: null,
      reportedById: null,
      archivedAt: row.archived ? new Date() : null,
    }),
  );
}

/** What a rejected request must leave untouched. */
export async function fieldworkCounts(t: TestApp) {
  const versions = async (target: typeof AccessIssue | typeof SupportMeasure) =>
    (await t.db.getRepository(target).find({ order: { id: 'ASC' } })).map((r) => `${r.id}:${r.version}`);
  return {
    issues: await versions(AccessIssue),
    measures: await versions(SupportMeasure),
    measureIssues: Number((await t.db.query('SELECT count(*) AS n FROM measure_issues'))[0].n),
    measureSites: Number((await t.db.query('SELECT count(*) AS n FROM measure_sites'))[0].n),
    audit: await t.db.getRepository(AuditEvent).count(),
  };
}
