import type { AccessIssueDetail, SiteRecordWithAllowances, SiteSummary } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { CommuneZonage } from '../src/territory/entities/commune-zonage.entity';
import { buildIssue, insertIssue } from './issue-factories';
import { type Body, buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const names = (res: Response): string[] => (res.body.items as SiteSummary[]).map((s) => s.name);

/** What the field work adds to the sites: open access issues, their filter, and the allowances. */
describe('/api/sites with access issues and allowances (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    await t.db.getRepository(CommuneZonage).insert([
      // Melun was ZAC, is ZIP today: the current period counts.
      { communeCode: '77288', zonage: 'ZAC', validFrom: '2018-01-01', validTo: '2021-12-31', source: null },
      { communeCode: '77288', zonage: 'ZIP', validFrom: '2022-01-01', validTo: null, source: null },
      { communeCode: '77186', zonage: 'HZ', validFrom: '2022-01-01', validTo: null, source: null },
      { communeCode: '77379', zonage: 'ZAC', validFrom: '2022-01-01', validTo: null, source: null },
    ]);
  });
  afterAll(() => t.close());

  async function createSite(overrides: Body): Promise<SiteRecordWithAllowances> {
    return (await officer('post', '/api/sites').send(buildSite(overrides)).expect(201)).body;
  }

  describe('open access issues', () => {
    let busy: SiteRecordWithAllowances;
    let settled: SiteRecordWithAllowances;
    let quiet: SiteRecordWithAllowances;

    beforeAll(async () => {
      busy = await createSite({ name: 'Terrain aux difficultés' });
      settled = await createSite({ name: 'Terrain aux difficultés closes' });
      quiet = await createSite({ name: 'Terrain sans difficulté' });
      await insertIssue(t, busy.id, { status: 'open' });
      await insertIssue(t, busy.id, { status: 'in_progress' });
      await insertIssue(t, busy.id, { status: 'resolved' });
      await insertIssue(t, busy.id, { status: 'wont_fix' });
      await insertIssue(t, busy.id, { status: 'open', archived: true });
      await insertIssue(t, settled.id, { status: 'resolved' });
      await insertIssue(t, settled.id, { status: 'open', archived: true });
    });

    const count = async (id: string) =>
      ((await officer('get', `/api/sites/${id}`).expect(200)).body as SiteSummary).openAccessIssues;

    it('counts open and in-progress live issues, on the list and the detail', async () => {
      const list = (await officer('get', '/api/sites?q=terrain').expect(200)).body.items as SiteSummary[];
      expect(Object.fromEntries(list.map((s) => [s.name, s.openAccessIssues]))).toEqual({
        'Terrain aux difficultés': 2,
        'Terrain aux difficultés closes': 0,
        'Terrain sans difficulté': 0,
      });
      expect(await count(busy.id)).toBe(2);
      expect(await count(quiet.id)).toBe(0);
    });

    it('follows the issue through its life', async () => {
      const issue = (await officer('post', '/api/access-issues').send(buildIssue(quiet.id)).expect(201))
        .body as AccessIssueDetail;
      expect(await count(quiet.id)).toBe(1);
      await officer('post', `/api/access-issues/${issue.id}/start`).send({ version: 1 }).expect(200);
      expect(await count(quiet.id)).toBe(1);
      await officer('post', `/api/access-issues/${issue.id}/resolve`)
        .send({ version: 2, closedOn: '2026-02-01', resolution: 'Logement trouvé.' })
        .expect(200);
      expect(await count(quiet.id)).toBe(0);
    });

    it.each<[string, string[]]>([
      ['hasOpenAccessIssues=true', ['Terrain aux difficultés']],
      ['hasOpenAccessIssues=false', ['Terrain aux difficultés closes', 'Terrain sans difficulté']],
    ])('filters with %s', async (query, expected) => {
      expect(names(await officer('get', `/api/sites?q=terrain&${query}`).expect(200))).toEqual(expected);
    });

    it('refuses anything but true or false', async () => {
      const res = await officer('get', '/api/sites?hasOpenAccessIssues=1').expect(400);
      expect(res.body.message).toEqual(['hasOpenAccessIssues : true ou false.']);
    });
  });

  describe('allowances on the site detail', () => {
    it('40 km from the CHU in a ZIP commune: both allowances (the intern’s home still to check)', async () => {
      const site = await createSite({ distanceToChuKm: 40, communeCode: '77288', postalCode: '77000' });
      const { body } = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(body.zonage).toBe('ZIP');
      expect(body.allowances).toEqual({
        transport: {
          eligible: true,
          monthlyAmount: 130,
          reason: 'À 40 km du CHU si le domicile de l’interne est aussi à plus de 15 km.',
        },
        housing: { eligible: true, monthlyAmount: 300, reason: 'Commune classée ZIP.' },
      });
    });

    it('10 km from the CHU in an HZ commune: neither', async () => {
      const site = await createSite({
        distanceToChuKm: 10,
        communeCode: '77186',
        postalCode: '77300',
        latitude: 48.404,
        longitude: 2.7016,
      });
      const { body } = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(body.allowances).toEqual({
        transport: { eligible: false, monthlyAmount: 0, reason: 'À 10 km du CHU (seuil : plus de 15 km).' },
        housing: { eligible: false, monthlyAmount: 0, reason: 'Commune classée HZ (hors ZIP et ZAC).' },
      });
    });

    it('unknown distance: no transport allowance, and it says why', async () => {
      const site = await createSite({ distanceToChuKm: null, communeCode: '77379', postalCode: '77160' });
      const { body } = await officer('get', `/api/sites/${site.id}`).expect(200);
      expect(body.allowances).toEqual({
        transport: { eligible: false, monthlyAmount: 0, reason: 'Distance au CHU inconnue.' },
        housing: { eligible: true, monthlyAmount: 300, reason: 'Commune classée ZAC.' },
      });
    });

    it('are recomputed when the site changes, and exactly 15 km is not more than 15 km', async () => {
      const site = await createSite({ distanceToChuKm: 40 });
      const res = await officer('patch', `/api/sites/${site.id}`).send({ version: 1, distanceToChuKm: 15 }).expect(200);
      expect(res.body.allowances.transport).toMatchObject({
        eligible: false,
        reason: expect.stringMatching(/^À 15 km/),
      });
    });
  });
});

describe('/api/sites allowances follow the configuration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ TRANSPORT_ALLOWANCE_KM: '50', TRANSPORT_ALLOWANCE_MONTHLY: '150' });
  });
  afterAll(() => t.close());

  it('uses the configured threshold and amount', async () => {
    const officer = await t.as('mission_officer');
    const far = (
      await officer('post', '/api/sites')
        .send(buildSite({ distanceToChuKm: 60 }))
        .expect(201)
    ).body;
    const near = (
      await officer('post', '/api/sites')
        .send(buildSite({ distanceToChuKm: 40 }))
        .expect(201)
    ).body;
    expect(far.allowances.transport).toMatchObject({ eligible: true, monthlyAmount: 150 });
    expect(near.allowances.transport).toMatchObject({
      eligible: false,
      reason: 'À 40 km du CHU (seuil : plus de 50 km).',
    });
  });
});
