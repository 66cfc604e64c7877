import type { Role, SearchGroup, SearchResponse } from '@maillage/shared/domain';
import { normalizeSearchText } from '@maillage/shared/domain';

import { Professional } from '../src/professionals/professional.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { agentOf, buildReferral } from './notification-factories';
import { buildSite } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

describe('GET /api/search (real PostgreSQL, pg_trgm)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let ids: Record<string, string>;

  const search = async (agent: AuthedAgent, q: string, extra = '') =>
    (await agent('get', `/api/search?q=${encodeURIComponent(q)}${extra}`).expect(200)).body as SearchResponse;
  const group = (res: SearchResponse, kind: SearchGroup['kind']) => res.groups.find((g) => g.kind === kind);
  const titles = (res: SearchResponse, kind: SearchGroup['kind']) => group(res, kind)?.hits.map((h) => h.title) ?? [];

  async function professional(firstName: string, lastName: string, rpps: string | null = null, departementCode = '77') {
    const repo = t.db.getRepository(Professional);
    return repo.save(
      repo.create({
        civility: 'DR',
        firstName,
        lastName,
        rpps,
        searchText: normalizeSearchText(`${lastName} ${firstName} ${rpps ?? ''}`),
        specialty: 'Médecine générale',
        msuStage: 'active',
        msuStageSince: '2024-01-01',
        departementCode,
        archivedAt: null,
      }),
    );
  }

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    const cdom = await t.as('cdom');
    const helene = await professional('Hélène', 'Durand', '10101010106');
    await professional('Paul', 'Durandeau');
    await professional('Claire', 'Dupont');
    await professional('Hélène', 'Durand', null, '75');
    const capucins = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP des Capucins', communeCode: '77186', postalCode: '77300' }))
        .expect(201)
    ).body;
    for (const n of [1, 2, 3]) {
      await officer('post', '/api/sites')
        .send(buildSite({ name: `Cabinet du Lac ${n}` }))
        .expect(201);
    }
    const visit = (
      await officer('post', '/api/site-visits')
        .send({ siteId: capucins.id, purpose: 'follow_up', plannedOn: '2027-01-15' })
        .expect(201)
    ).body;
    const cdomReferral = (
      await cdom('post', '/api/candidate-referrals')
        .send(buildReferral({ firstName: 'Hélène', lastName: 'Lefèvre' }))
        .expect(201)
    ).body;
    const ownReferral = (
      await officer('post', '/api/candidate-referrals')
        .send(buildReferral({ firstName: 'Zoé', lastName: 'Lefèvre' }))
        .expect(201)
    ).body;
    const meeting = (
      await officer('post', '/api/committee-meetings')
        .send({ kind: 'follow_up', heldOn: '2027-04-02', title: 'Comité de suivi de printemps', location: 'Melun' })
        .expect(201)
    ).body;
    ids = {
      helene: helene.id,
      capucins: capucins.id,
      visit: visit.id,
      cdomReferral: cdomReferral.id,
      ownReferral: ownReferral.id,
      meeting: meeting.id,
    };
  });
  afterAll(() => t.close());

  it('finds a commune spelt wrong, its sites and their visits', async () => {
    const res = await search(officer, 'Fontainbleau');
    expect(group(res, 'communes')?.hits[0]).toMatchObject({
      id: '77186',
      title: 'Fontainebleau',
      link: '/terrains?commune=77186',
    });
    expect(group(res, 'communes')?.hits[0].subtitle).toContain('77300');
    expect(group(res, 'sites')?.hits[0]).toMatchObject({
      title: 'MSP des Capucins',
      link: `/terrains/${ids.capucins}`,
    });
    expect(group(res, 'sites')?.hits[0].subtitle).toContain('Fontainebleau');
    expect(group(res, 'visits')?.hits[0]).toMatchObject({
      title: 'Visite du 15/01/2027 — MSP des Capucins',
      link: `/visites/${ids.visit}`,
    });
  });

  it('finds « Hélène » typed without accents, and a name with a small typo, best match first', async () => {
    expect(titles(await search(officer, 'helene durand'), 'professionals')).toEqual(['Dr Hélène Durand']);
    expect(titles(await search(officer, 'Durant'), 'professionals')[0]).toBe('Dr Hélène Durand');
    expect(titles(await search(officer, 'durand'), 'professionals')).toEqual(['Dr Hélène Durand', 'Dr Paul Durandeau']);
    const res = await search(officer, 'HELENE');
    expect(group(res, 'professionals')?.hits[0]).toMatchObject({
      id: ids.helene,
      link: `/professionnels/${ids.helene}`,
      subtitle: 'MSU actif · Médecine générale · RPPS 10101010106',
    });
    expect(group(res, 'professionals')?.listLink).toBe('/professionnels?q=HELENE');
    expect(titles(res, 'referrals').sort()).toEqual(['Dr Hélène Lefèvre']);
    expect(titles(await search(officer, '10101010106'), 'professionals')).toEqual(['Dr Hélène Durand']);
  });

  it('groups results by kind in a fixed order and says when there are more', async () => {
    const res = await search(officer, 'cabinet du lac', '&limit=2');
    const sites = group(res, 'sites');
    expect(sites?.hits).toHaveLength(2);
    expect(sites?.more).toBe(true);
    expect(sites?.label).toBe('Terrains de stage');
    const all = await search(officer, 'lefevre');
    expect(all.groups.map((g) => g.kind)).toEqual(['referrals']);
    expect(titles(all, 'referrals').sort()).toEqual(['Dr Hélène Lefèvre', 'Dr Zoé Lefèvre']);
    expect((await search(officer, 'zzzzqqq')).groups).toEqual([]);
    expect((await search(officer, 'capucins', '&kinds=visits')).groups.map((g) => g.kind)).toEqual(['visits']);
  });

  it('shows each role only what it may read', async () => {
    const cdom = await t.as('cdom');
    expect(titles(await search(cdom, 'lefevre'), 'referrals')).toEqual(['Dr Hélène Lefèvre']);
    const committee = await t.as('committee');
    const forCommittee = await search(committee, 'printemps');
    expect(forCommittee.groups.map((g) => g.kind)).toEqual(['committees']);
    expect(group(forCommittee, 'committees')?.hits[0]).toMatchObject({
      title: 'Comité de suivi de printemps',
      link: `/comites/${ids.meeting}`,
    });
    expect((await search(committee, 'helene')).groups).toEqual([]);
    expect((await search(committee, 'fontainebleau')).groups.map((g) => g.kind)).toEqual(['communes']);
    expect(group(await search(committee, 'fontainebleau'), 'communes')?.hits[0].link).toBe(
      '/territoire?q=Fontainebleau',
    );
    const departement = await t.as('departement');
    expect((await search(departement, 'lefevre')).groups.map((g) => g.kind)).toEqual(['referrals']);
  });

  it('keeps to the user’s département (a national administrator sees all)', async () => {
    const other = agentOf(t, await t.tokenFor('mission_officer', { departementCode: '75', email: 'mo@75.test' }));
    const res = await search(other, 'helene durand');
    expect(group(res, 'professionals')?.hits).toHaveLength(1);
    expect(group(res, 'professionals')?.hits[0].id).not.toBe(ids.helene);
    expect(await search(other, 'capucins')).toEqual({ q: 'capucins', groups: [] });
    expect(group(await search(other, 'Fontainbleau'), 'communes')).toBeUndefined();
    const admin = await t.as('admin');
    expect(group(await search(admin, 'helene durand'), 'professionals')?.hits).toHaveLength(2);
  });

  it('folds text in SQL (maillage_fold) exactly as the app does (normalizeSearchText)', async () => {
    const names = [
      'Hélène Lefèvre',
      'Zoé O’Brien-Ærø',
      'Œuvre de Saint-Étienne',
      'ÇA  VA ?',
      'Ñuñez İlkay',
      'L’Haÿ-les-Roses',
      '  ',
    ];
    for (const name of names) {
      const [{ folded }] = await t.db.query<{ folded: string }[]>('SELECT maillage_fold($1) AS folded', [name]);
      expect([name, folded]).toEqual([name, normalizeSearchText(name)]);
    }
  });

  it.each([
    ['', 'q : 2 caractères au moins.'],
    ['a', 'q : 2 caractères au moins.'],
    ['!!', 'q : saisissez au moins 2 lettres ou chiffres.'],
    ['x'.repeat(101), 'q : 100 caractères au plus.'],
  ])('refuses q=%j', async (q, message) => {
    const res = await officer('get', `/api/search?q=${encodeURIComponent(q)}`).expect(400);
    expect([res.body.message].flat()).toContain(message);
  });

  it('refuses a bad limit or kind, and answers 401 without a session', async () => {
    await officer('get', '/api/search?q=melun&limit=50').expect(400);
    await officer('get', '/api/search?q=melun&kinds=users').expect(400);
    await officer('get', '/api/search').expect(400);
    await t.http().get('/api/search?q=melun').expect(401);
  });

  it.each(['admin', 'mission_officer', 'cdom', 'departement', 'committee'] as Role[])(
    'answers %s with 200',
    async (role) => {
      await (await t.as(role))('get', '/api/search?q=melun').expect(200);
    },
  );
});
