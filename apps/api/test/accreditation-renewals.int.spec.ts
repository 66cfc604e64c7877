import { type AccreditationDetail, type AccreditationSummary, addYears, type Page } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { Accreditation } from '../src/accreditations/accreditation.entity';
import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { type Body, buildAccreditation, daysFromToday, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const dayBefore = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe('POST /api/accreditations/:id/renew (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let msuId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    msuId = (await insertProfessional(t, { firstName: 'Claire', lastName: 'Renouvel' })).id;
  });
  afterAll(() => t.close());

  /** An accreditation granted on record, ending `endDate`. */
  async function granted(endDate: string, overrides: Body = {}): Promise<AccreditationDetail> {
    const res = await officer('post', '/api/accreditations').send(
      buildAccreditation(
        { professionalId: msuId },
        { status: 'granted', startDate: addYears(endDate, -5), endDate, ...overrides },
      ),
    );
    expect(res.status).toBe(201);
    return res.body as AccreditationDetail;
  }

  const state = async () => ({
    rows: await t.db.getRepository(Accreditation).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  });

  it('continues the renewed accreditation from the day after its end, and the history shows the chain', async () => {
    const endDate = daysFromToday(60);
    const old = await granted(endDate);
    const res = await officer('post', `/api/accreditations/${old.id}/renew`)
      .send({ version: old.version, reference: 'ARS-2026-118', note: 'Dossier complet.' })
      .expect(201);
    const renewal = res.body as AccreditationDetail;
    expect(renewal).toMatchObject({
      status: 'granted',
      renewsId: old.id,
      renewedById: null,
      startDate: daysFromToday(61),
      endDate: dayBefore(addYears(daysFromToday(61), 5)),
      cycle: old.cycle,
      stageTypes: old.stageTypes,
      maxStudents: old.maxStudents,
      reference: 'ARS-2026-118',
      holder: { kind: 'professional', id: msuId },
    });
    const after = (await officer('get', `/api/accreditations/${old.id}`).expect(200)).body as AccreditationDetail;
    expect(after).toMatchObject({ renewedById: renewal.id, endDate, status: 'granted', version: old.version + 1 });
    const list = (await officer('get', `/api/accreditations?professional=${msuId}`).expect(200))
      .body as Page<AccreditationSummary>;
    expect(list.items.find((a) => a.id === old.id)?.renewedById).toBe(renewal.id);
    const events = await t.db
      .getRepository(AuditEvent)
      .find({ where: [{ entityId: old.id }, { entityId: renewal.id }] });
    expect(events.map((e) => `${e.entityId === old.id ? 'old' : 'new'}:${e.action}`).sort()).toEqual([
      'new:created',
      'old:created',
      'old:renewed',
    ]);
  });

  it('renews an expired accreditation without a gap, and as a request when asked', async () => {
    const old = await granted(daysFromToday(-10));
    const res = await officer('post', `/api/accreditations/${old.id}/renew`)
      .send({ version: old.version, status: 'requested' })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'requested',
      startDate: daysFromToday(-9),
      endDate: null,
      renewsId: old.id,
    });
  });

  it('refuses a second renewal, a withdrawn accreditation, a stale version and a bad end date, changing nothing', async () => {
    const old = await granted(daysFromToday(30));
    await officer('post', `/api/accreditations/${old.id}/renew`).send({ version: old.version }).expect(201);
    const before = await state();
    const again = await officer('post', `/api/accreditations/${old.id}/renew`).send({ version: old.version + 1 });
    expect(again.status).toBe(409);
    expect(messagesOf(again).join(' ')).toContain('déjà été renouvelé');
    const stale = await officer('post', `/api/accreditations/${old.id}/renew`).send({ version: old.version });
    expect(stale.status).toBe(409);

    const other = await granted(daysFromToday(40));
    const early = await officer('post', `/api/accreditations/${other.id}/renew`).send({
      version: other.version,
      endDate: daysFromToday(10),
    });
    expect(early.status).toBe(400);
    expect(messagesOf(early).join(' ')).toMatch(/^endDate : le renouvellement commence le/);
    const unknown = await officer('post', `/api/accreditations/${other.id}/renew`).send({
      version: other.version,
      status: 'withdrawn',
    });
    expect(unknown.status).toBe(400);
    await officer('post', `/api/accreditations/${other.id}/withdraw`)
      .send({ version: other.version, date: daysFromToday(0) })
      .expect(200);
    const withdrawn = await officer('post', `/api/accreditations/${other.id}/renew`).send({
      version: other.version + 1,
    });
    expect(withdrawn.status).toBe(409);
    expect(messagesOf(withdrawn).join(' ')).toContain('accordé, conditionnel ou expiré');
    const after = await state();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.audit).toBe(before.audit + 2);
  });

  it('a renewed accreditation is « renewed », not expiring: in the list, its filters and the dashboard figure', async () => {
    const ids = async (validity: string) =>
      (
        (await officer('get', `/api/accreditations?professional=${msuId}&validity=${validity}`).expect(200))
          .body as Page<AccreditationSummary>
      ).items.map((a) => a.id);
    const expiringFigure = async () =>
      ((await officer('get', '/api/dashboard').expect(200)).body as { accreditations: { expiring: number } })
        .accreditations.expiring;
    const old = await granted(daysFromToday(45));
    const figure = await expiringFigure();
    expect(await ids('expiring_soon')).toContain(old.id);

    // A renewal still requested may not be granted: the old one stays « Expire bientôt ».
    const requested = (
      await officer('post', `/api/accreditations/${old.id}/renew`)
        .send({ version: old.version, status: 'requested' })
        .expect(201)
    ).body as AccreditationDetail;
    expect((await officer('get', `/api/accreditations/${old.id}`).expect(200)).body).toMatchObject({
      validity: 'expiring_soon',
      renewedById: requested.id,
    });
    expect(await expiringFigure()).toBe(figure);

    await officer('post', `/api/accreditations/${requested.id}/grant`)
      .send({ version: requested.version, startDate: daysFromToday(46) })
      .expect(200);
    const detail = (await officer('get', `/api/accreditations/${old.id}`).expect(200)).body as AccreditationDetail;
    expect(detail).toMatchObject({ validity: 'renewed', renewedById: requested.id, status: 'granted' });
    const listed = (
      (await officer('get', `/api/accreditations?professional=${msuId}`).expect(200)).body as Page<AccreditationSummary>
    ).items.find((a) => a.id === old.id);
    expect(listed?.validity).toBe('renewed');
    expect(await ids('expiring_soon')).not.toContain(old.id);
    expect(await ids('valid')).not.toContain(old.id);
    expect(await ids('renewed')).toContain(old.id);
    // The filter and each row's validity are one definition.
    const renewed = (await officer('get', `/api/accreditations?professional=${msuId}&validity=renewed`).expect(200))
      .body as Page<AccreditationSummary>;
    expect(new Set(renewed.items.map((a) => a.validity))).toEqual(new Set(['renewed']));
    expect(await expiringFigure()).toBe(figure - 1);
  });

  it('is refused to readers', async () => {
    const old = await granted(daysFromToday(90));
    const cdom = await t.as('cdom');
    await cdom('post', `/api/accreditations/${old.id}/renew`).send({ version: old.version }).expect(403);
  });
});
