import type { Colleague, EpciListItem } from '@maillage/shared/domain';

import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { startTestApp, type TestApp } from './test-app';

/** Small lookup lists the screens need: colleagues to assign work to, EPCIs to filter by. */
describe('lookups', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    await t.createUser('mission_officer', { email: 'mo.a@test.maillage.fr' });
    await t.createUser('cdom', { email: 'cdom.a@test.maillage.fr' });
    await t.createUser('cdom', { email: 'cdom.75@test.maillage.fr', departementCode: '75' });
  });
  afterAll(() => t.close());

  it('lists active colleagues of the département, without e-mails, filtered by role', async () => {
    const mo = await t.as('mission_officer');
    const all = (await mo('get', '/api/users/colleagues').expect(200)).body as Colleague[];
    expect(all.every((c) => c.departementCode === '77')).toBe(true);
    expect(JSON.stringify(all)).not.toMatch(/@/);
    const cdom = (await mo('get', '/api/users/colleagues?role=cdom').expect(200)).body as Colleague[];
    expect(cdom.map((c) => c.role)).toEqual(['cdom']);
    await mo('get', '/api/users/colleagues?role=boss').expect(400);
  });

  it.each(['cdom', 'departement', 'committee'] as const)('refuses the colleagues list to %s', async (role) => {
    const agent = await t.as(role);
    await agent('get', '/api/users/colleagues').expect(403);
  });

  it('lists the EPCIs of the visible communes only', async () => {
    const cdom = await t.as('cdom');
    const epcis = (await cdom('get', '/api/epcis').expect(200)).body as EpciListItem[];
    expect(epcis.length).toBeGreaterThan(10);
    expect(epcis.find((e) => e.name.includes('Melun Val de Seine'))).toMatchObject({ kind: 'CA' });
    expect(epcis.find((e) => e.name === 'Métropole du Grand Paris')).toBeUndefined();
    const total = epcis.reduce((sum, e) => sum + e.communeCount, 0);
    expect(total).toBeLessThanOrEqual(507);
    await t.http().get('/api/epcis').expect(401);
  });
});
