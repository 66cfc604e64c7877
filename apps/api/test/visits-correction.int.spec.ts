import type { SiteRecord, SiteVisitDetail } from '@maillage/shared/domain';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { daysFromToday } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import { buildRecord, counts, messagesOf, userIdOf, visitHelpers } from './visit-factories';

describe('POST /api/site-visits/:id/correct (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let officerId: string;
  let h: ReturnType<typeof visitHelpers>;
  let site: SiteRecord;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    h = visitHelpers(officer);
    site = await h.createSite({ name: 'MSP de la Correction' });
  });
  afterAll(() => t.close());

  async function recorded(): Promise<SiteVisitDetail> {
    const visit = await h.planVisit(site.id);
    const res = await officer('post', `/api/site-visits/${visit.id}/record`)
      .send(buildRecord(visit.version, officerId, { visitedOn: daysFromToday(-5), issues: [], actions: [] }))
      .expect(200);
    return res.body as SiteVisitDetail;
  }

  const correction = (visit: SiteVisitDetail, overrides: Record<string, unknown> = {}) => {
    const {
      issues: _issues,
      actions: _actions,
      ...body
    } = buildRecord(visit.version, officerId, {
      visitedOn: daysFromToday(-6),
      findings: 'Locaux adaptés ; le logement reste le frein principal (corrigé).',
    });
    return { ...body, reason: 'Date de visite mal saisie.', ...overrides };
  };

  it('corrects a recorded visit, keeps the reason in the notes and the change in the history', async () => {
    const visit = await recorded();
    const res = await officer('post', `/api/site-visits/${visit.id}/correct`).send(correction(visit)).expect(200);
    const corrected = res.body as SiteVisitDetail;
    expect(corrected).toMatchObject({
      status: 'done',
      version: visit.version + 1,
      visitedOn: daysFromToday(-6),
      findings: 'Locaux adaptés ; le logement reste le frein principal (corrigé).',
    });
    expect(corrected.notes).toContain('Correction : Date de visite mal saisie.');
    const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: visit.id, action: 'corrected' } });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0].changes)).toContain(daysFromToday(-6));
  });

  it('refuses a planned visit, a stale version, a missing reason and a future date, changing nothing', async () => {
    const visit = await recorded();
    const planned = await h.planVisit(site.id);
    const before = await counts(t);
    const cases: [string, Record<string, unknown>, number, RegExp][] = [
      [planned.id, correction(planned), 409, /Seule une visite réalisée se corrige/],
      [visit.id, correction(visit, { version: visit.version - 1 }), 409, /modifié entre-temps/],
      [visit.id, correction(visit, { reason: '' }), 400, /^reason : 3 caractères au moins/],
      [visit.id, correction(visit, { visitedOn: daysFromToday(2) }), 400, /^visitedOn : /],
      [visit.id, correction(visit, { issues: [] }), 400, /issues/],
    ];
    for (const [id, body, status, message] of cases) {
      const res = await officer('post', `/api/site-visits/${id}/correct`).send(body);
      expect(res.status).toBe(status);
      expect(messagesOf(res).join(' ')).toMatch(message);
    }
    expect(await counts(t)).toEqual(before);
  });
});
