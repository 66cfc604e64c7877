import { seedDemoData } from '../../src/bootstrap';
import { TerritoryLoaderService } from '../../src/territory/territory-loader.service';
import { startTestApp, type TestApp } from '../test-app';

export const DEMO_PASSWORD = 'demo-maillage-77';

/** Business tables of each API resource, for the ids of another département's records. */
export const RESOURCE_TABLES: Record<string, string> = {
  sites: 'training_sites',
  professionals: 'professionals',
  accreditations: 'accreditations',
  'candidate-referrals': 'candidate_referrals',
  'installation-intents': 'installation_intents',
  'site-visits': 'site_visits',
  'access-issues': 'access_issues',
  'support-measures': 'support_measures',
  tasks: 'tasks',
  'committee-meetings': 'committee_meetings',
  'offer-snapshots': 'offer_snapshots',
  'annual-reports': 'annual_reports',
  users: 'users',
};

/**
 * The demo data twice: the Essonne (91) first, its accounts renamed `d91.<e-mail>`, then the
 * Seine-et-Marne (77) with the usual demo accounts. Every kind of record exists on both sides.
 */
export async function startTwoDepartements(env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,91', ...env });
  await t.app.get(TerritoryLoaderService).load();
  await seedDemoData(t.app, '91');
  await t.db.query(`UPDATE users SET email = 'd91.' || email WHERE email LIKE '%@demo.maillage.fr'`);
  await t.db.query(`UPDATE users SET departement_code = '91' WHERE email = 'd91.admin@demo.maillage.fr'`);
  await seedDemoData(t.app, '77');
  return t;
}

/** Ids of the records of a département, by API resource. */
export async function idsOf(t: TestApp, departementCode: string): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const [resource, table] of Object.entries(RESOURCE_TABLES)) {
    const rows = await t.db.query<{ id: string }[]>(
      `SELECT id FROM "${table}" WHERE departement_code = $1 ORDER BY id LIMIT 8`,
      [departementCode],
    );
    ids.set(
      resource,
      rows.map((r) => r.id),
    );
  }
  return ids;
}
