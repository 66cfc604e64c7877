import type { OverdueSite, SiteVisitSummary } from '@maillage/shared/domain';

import { startTestApp, type TestApp } from './test-app';
import { messagesOf, monthsFromToday, userIdOf, visitHelpers } from './visit-factories';

describe('/api/site-visits: calendar and sites not visited for too long (real PostgreSQL)', () => {
  let t: TestApp;
  let h: ReturnType<typeof visitHelpers>;
  let officerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as('mission_officer');
    officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    h = visitHelpers(officer);
  });
  afterAll(() => t.close());

  describe('the calendar of a month', () => {
    let ids: Record<string, string>;
    let provinsId: string;

    beforeAll(async () => {
      const almont = await h.createSite({ name: 'MSP de l’Almont' });
      const provins = await h.createSite({ name: 'Centre de santé de Provins', communeCode: '77379' });
      const plan = async (siteId: string, plannedOn: string, purpose = 'follow_up') =>
        (await h.planVisit(siteId, { plannedOn, purpose })).id;
      provinsId = provins.id;
      ids = {
        before: await plan(almont.id, '2028-10-31'),
        late: await plan(almont.id, '2028-11-30', 'accreditation'),
        first: await plan(provins.id, '2028-11-01', 'prospection'),
        middle: await plan(provins.id, '2028-11-12'),
        after: await plan(almont.id, '2028-12-01'),
      };
    });

    it('GET ?from=…&to=… returns the month’s visits, bounds included, sorted by date, with site names', async () => {
      const reader = await t.as('departement');
      const res = await reader('get', '/api/site-visits?from=2028-11-01&to=2028-11-30').expect(200);
      const items = res.body.items as SiteVisitSummary[];
      expect(res.body).toMatchObject({ total: 3, page: 1, pageSize: 25 });
      expect(items.map((v) => v.id)).toEqual([ids['first'], ids['middle'], ids['late']]);
      expect(items.map((v) => [v.plannedOn, v.site.name, v.site.communeName])).toEqual([
        ['2028-11-01', 'Centre de santé de Provins', 'Provins'],
        ['2028-11-12', 'Centre de santé de Provins', 'Provins'],
        ['2028-11-30', 'MSP de l’Almont', 'Melun'],
      ]);
    });

    it('filters on purpose, status, site and search text; sorts descending; pages', async () => {
      const reader = await t.as('departement');
      const range = 'from=2028-10-01&to=2028-12-31';
      const get = async (query: string) =>
        ((await reader('get', `/api/site-visits?${range}&${query}`).expect(200)).body.items as SiteVisitSummary[]).map(
          (v) => v.id,
        );
      expect(await get('purpose=accreditation')).toEqual([ids['late']]);
      expect(await get('q=provins')).toEqual([ids['first'], ids['middle']]);
      expect(await get(`site=${provinsId}&sort=plannedOn:desc`)).toEqual([ids['middle'], ids['first']]);
      expect(await get('status=done')).toEqual([]);
      expect(await get('sort=plannedOn:desc&pageSize=2')).toEqual([ids['after'], ids['late']]);
      expect(await get('sort=plannedOn:desc&pageSize=2&page=2')).toEqual([ids['middle'], ids['first']]);
    });

    it.each([
      ['from=2028-11-30&to=2028-11-01', /^from, to : la date de début doit précéder/],
      ['from=01/11/2028', /^from : date attendue/],
      ['status=faite', /^status : valeurs possibles/],
      ['purpose=x', /^purpose : valeurs possibles/],
      ['site=abc', /^site : identifiant/],
      ['mine=oui', /^mine : true ou false/],
      ['sort=price:asc', /^sort : tri possible sur plannedOn, visitedOn/],
      ['pageSize=500', /^pageSize : 200 au maximum/],
      ['month=11', /« month » n’est pas autorisé/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const reader = await t.as('departement');
      const res = await reader('get', `/api/site-visits?${query}`).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    });
  });

  describe('overdue sites', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const visited = async (name: string, monthsAgo: number) => {
        const site = await h.createSite({ name });
        const visit = await h.planVisit(site.id, { plannedOn: monthsFromToday(-monthsAgo) });
        await h.recordVisit(visit, officerId, { visitedOn: monthsFromToday(-monthsAgo) });
        return site.id;
      };
      const never = await h.createSite({ name: 'Zorglub jamais visité' });
      await h.planVisit(never.id, { plannedOn: monthsFromToday(1) });
      const archived = await h.createSite({ name: 'Zorglub archivé' });
      await t.as('mission_officer').then((o) => o('delete', `/api/sites/${archived.id}`).expect(204));
      await h.createSite({ name: 'Zorglub prospect', status: 'prospect' });
      ids = {
        never: never.id,
        eleven: await visited('Zorglub visité il y a 11 mois', 11),
        old: await visited('Zorglub visité il y a 13 mois', 13),
        recent: await visited('Zorglub visité il y a 2 mois', 2),
      };
      // A visit of the recent site 13 months ago does not make it overdue: the last one counts.
      const again = await h.planVisit(ids['recent'], { plannedOn: monthsFromToday(-13) });
      await h.recordVisit(again, officerId, { visitedOn: monthsFromToday(-13) });
    });

    it('lists active sites never visited (first) or last visited before the window (12 months by default)', async () => {
      const reader = await t.as('cdom');
      const res = await reader('get', '/api/site-visits/overdue-sites?q=zorglub').expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 25 });
      expect(res.body.items as OverdueSite[]).toEqual([
        {
          siteId: ids['never'],
          name: 'Zorglub jamais visité',
          kind: 'msp',
          communeCode: '77288',
          communeName: 'Melun',
          lastVisitOn: null,
          nextPlannedOn: monthsFromToday(1),
        },
        expect.objectContaining({ siteId: ids['old'], lastVisitOn: monthsFromToday(-13), nextPlannedOn: null }),
      ]);
    });

    it('takes the window from ?months=, and sorts on name', async () => {
      const reader = await t.as('departement');
      const res = await reader('get', '/api/site-visits/overdue-sites?q=zorglub&months=1&sort=name:asc').expect(200);
      expect((res.body.items as OverdueSite[]).map((s) => [s.name, s.lastVisitOn])).toEqual([
        ['Zorglub jamais visité', null],
        ['Zorglub visité il y a 11 mois', monthsFromToday(-11)],
        ['Zorglub visité il y a 13 mois', monthsFromToday(-13)],
        ['Zorglub visité il y a 2 mois', monthsFromToday(-2)],
      ]);
      const wide = await reader('get', '/api/site-visits/overdue-sites?q=zorglub&months=24').expect(200);
      expect((wide.body.items as OverdueSite[]).map((s) => s.siteId)).toEqual([ids['never']]);
    });

    it('reads the default window from SITE_VISIT_INTERVAL_MONTHS', async () => {
      const reader = await t.as('departement');
      const initial = t.config.SITE_VISIT_INTERVAL_MONTHS;
      t.config.SITE_VISIT_INTERVAL_MONTHS = 6;
      try {
        const res = await reader('get', '/api/site-visits/overdue-sites?q=zorglub').expect(200);
        expect((res.body.items as OverdueSite[]).map((s) => s.siteId)).toEqual([
          ids['never'],
          ids['old'],
          ids['eleven'],
        ]);
      } finally {
        t.config.SITE_VISIT_INTERVAL_MONTHS = initial;
      }
    });

    it.each([
      ['months=0', /^months : 1 mois au moins/],
      ['months=61', /^months : 60 mois au plus/],
      ['months=douze', /^months : nombre entier/],
      ['sort=plannedOn:asc', /^sort : tri possible sur lastVisitOn, name, commune/],
    ])('refuses ?%s with a 400', async (query, message) => {
      const reader = await t.as('departement');
      const res = await reader('get', `/api/site-visits/overdue-sites?${query}`).expect(400);
      expect(messagesOf(res)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    });
  });
});
