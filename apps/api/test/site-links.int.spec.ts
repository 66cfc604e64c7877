import type { ProfessionalSiteLink, SiteRecord } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { ProfessionalSitePeriod } from '../src/professionals/professional-site-period.entity';
import { ProfessionalSite } from '../src/professionals/professional-site.entity';
import { buildSite, daysFromToday, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const messagesOf = (res: Response): string[] => [res.body.message].flat();
const URL = '/api/professional-site-links';

describe('/api/professional-site-links (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let site: SiteRecord;
  let other: SiteRecord;
  let proId: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    site = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP du Lien' }))
        .expect(201)
    ).body;
    other = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'Cabinet des Prés' }))
        .expect(201)
    ).body;
    proId = (await insertProfessional(t, { firstName: 'Léa', lastName: 'Rattache' })).id;
  });
  afterAll(() => t.close());

  const state = async () => ({
    links: await t.db.getRepository(ProfessionalSite).count(),
    periods: await t.db.getRepository(ProfessionalSitePeriod).count(),
    audit: await t.db.getRepository(AuditEvent).count(),
  });

  it('links, edits and ends a link; both pages list it, the ended one as history, each write audited twice', async () => {
    const created = await officer('post', URL)
      .send({ professionalId: proId, siteId: site.id, role: 'partner', startDate: '2024-09-01' })
      .expect(201);
    const link = created.body as ProfessionalSiteLink;
    expect(link).toMatchObject({
      current: true,
      version: 1,
      role: 'partner',
      startDate: '2024-09-01',
      endDate: null,
      professional: { id: proId, name: 'Dr Léa Rattache' },
      site: { id: site.id, name: 'MSP du Lien' },
    });
    const edited = (await officer('patch', `${URL}/${link.id}`).send({ version: 1, role: 'holder' }).expect(200))
      .body as ProfessionalSiteLink;
    expect(edited).toMatchObject({ role: 'holder', version: 2, startDate: '2024-09-01' });
    const stale = await officer('patch', `${URL}/${link.id}`).send({ version: 1, role: 'locum' });
    expect(stale.status).toBe(409);

    const detail = (await officer('get', `/api/professionals/${proId}`).expect(200)).body;
    expect(detail.sites.map((s: { id: string }) => s.id)).toEqual([site.id]);

    const ended = (
      await officer('post', `${URL}/${link.id}/end`)
        .send({ version: 2, endDate: daysFromToday(0) })
        .expect(200)
    ).body as ProfessionalSiteLink;
    expect(ended).toMatchObject({ current: false, role: 'holder', endDate: daysFromToday(0) });

    await officer('post', URL).send({ professionalId: proId, siteId: other.id, role: 'collaborator' }).expect(201);
    const byProfessional = (await officer('get', `${URL}?professional=${proId}`).expect(200)).body.items;
    expect(byProfessional.map((l: ProfessionalSiteLink) => [l.site.name, l.current, l.role])).toEqual([
      ['Cabinet des Prés', true, 'collaborator'],
      ['MSP du Lien', false, 'holder'],
    ]);
    const bySite = (await officer('get', `${URL}?site=${site.id}`).expect(200)).body.items;
    expect(bySite.map((l: ProfessionalSiteLink) => [l.professional.name, l.current])).toEqual([
      ['Dr Léa Rattache', false],
    ]);
    const events = await t.db.getRepository(AuditEvent).find({ where: { entityId: site.id } });
    expect(
      events
        .map((e) => e.action)
        .filter((a) => a.startsWith('site_'))
        .sort(),
    ).toEqual(['site_link_updated', 'site_linked', 'site_unlinked']);
    // Linked again after the end: a new current link, the ended period stays.
    await officer('post', URL).send({ professionalId: proId, siteId: site.id, role: 'locum' }).expect(201);
    expect((await officer('get', `${URL}?site=${site.id}`).expect(200)).body.items).toHaveLength(2);
  });

  it('answers bad input with French messages at the field, and changes nothing', async () => {
    const pro = (await insertProfessional(t, { lastName: 'Erreur' })).id;
    const before = await state();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ professionalId: pro, siteId: site.id }, /^role : choisissez le rôle/],
      [{ professionalId: pro, siteId: site.id, role: 'boss' }, /^role : choisissez le rôle/],
      [{ professionalId: pro, siteId: 'x', role: 'holder' }, /^siteId : choisissez un terrain/],
      [{ professionalId: pro, siteId: site.id, role: 'holder', startDate: '2024-02-30' }, /^startDate : /],
      [{ professionalId: pro, siteId: '00000000-0000-4000-8000-000000000000', role: 'holder' }, /^siteId : terrain/],
      [{ professionalId: pro, siteId: site.id, role: 'holder', extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const res = await officer('post', URL).send(body);
      expect(res.status).toBe(400);
      expect(messagesOf(res).join(' ')).toMatch(message);
    }
    const link = (
      await officer('post', URL).send({ professionalId: pro, siteId: site.id, role: 'holder', startDate: '2025-01-10' })
    ).body as ProfessionalSiteLink;
    const twice = await officer('post', URL).send({ professionalId: pro, siteId: site.id, role: 'holder' });
    expect(twice.status).toBe(409);
    expect(messagesOf(twice)[0]).toMatch(/^siteId : ce professionnel est déjà rattaché/);
    const future = await officer('post', `${URL}/${link.id}/end`).send({ version: 1, endDate: daysFromToday(3) });
    expect(future.status).toBe(400);
    expect(messagesOf(future)[0]).toMatch(/^endDate : /);
    const early = await officer('post', `${URL}/${link.id}/end`).send({ version: 1, endDate: '2024-12-31' });
    expect(early.status).toBe(400);
    expect(messagesOf(early)[0]).toContain(
      'endDate : la fin ne peut pas précéder le début du rattachement (10/01/2025)',
    );
    const after = await state();
    expect(after).toEqual({ ...before, links: before.links + 1, audit: before.audit + 2 });
  });

  it('lets readers list and refuses them writes; the list needs one holder', async () => {
    const cdom = await t.as('cdom');
    await cdom('get', `${URL}?site=${site.id}`).expect(200);
    await cdom('post', URL).send({ professionalId: proId, siteId: site.id, role: 'holder' }).expect(403);
    const both = await officer('get', `${URL}?site=${site.id}&professional=${proId}`);
    expect(both.status).toBe(400);
    await officer('get', `${URL}?site=00000000-0000-4000-8000-000000000000`).expect(404);
  });
});
