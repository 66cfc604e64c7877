import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';
import { MIGRATIONS } from '../src/database/migrations';
import { createTestDatabase, dropTestDatabase } from './test-database';

/**
 * Tables that are not business records of one département. Anything else must carry a
 * NOT NULL `departement_code` (extend `ScopedEntity`) so that scoping cannot be forgotten.
 */
const NOT_DEPARTEMENT_RECORDS = new Set([
  'departements',
  'epcis',
  'sessions',
  'commune_zonages', // reached through its commune
  'commune_contours', // idem
  'users', // NULL for national administrators
  'audit_events', // NULL for national accounts' actions
  // Parts of a scoped record, reached through it:
  'site_capacities',
  'professional_sites',
  'msu_stage_events',
  'msu_training_sessions',
  'referral_follow_ups',
  'visit_participants',
  'measure_sites',
  'measure_issues',
  'import_rows', // the rows of a file, reached through their import
  'import_items', // what an import changed, idem
  'import_mappings', // a user's preference (the columns chosen last time)
  'rpps_loads', // reference data: loads of the national directory
  'notification_preferences', // a user's settings, reached through the user
  'document_versions', // parts of a document, reached through it
  'document_chunks',
]);

describe('database schema', () => {
  let ds: DataSource;
  let name: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    name = db.name;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropTestDatabase(name);
  });

  it('has no drift: the entities need no migration beyond the committed ones', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('runs every migration down and up again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(Number(tables[0].n)).toBe(0);
    expect(await migrate(ds)).toHaveLength(MIGRATIONS.length);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('gives every business table a mandatory département', () => {
    const unscoped = ds.entityMetadatas
      .filter((m) => !NOT_DEPARTEMENT_RECORDS.has(m.tableName))
      .filter((m) => {
        const column = m.columns.find((c) => c.databaseName === 'departement_code');
        return !column || column.isNullable;
      })
      .map((m) => m.tableName);
    expect(unscoped).toEqual([]);
  });

  it('names every table in snake_case and keys editable records by uuid', () => {
    for (const m of ds.entityMetadatas) {
      expect(m.tableName).toMatch(/^[a-z][a-z0-9_]*$/);
      for (const c of m.columns) expect(c.databaseName).toMatch(/^[a-z][a-z0-9_]*$/);
      if (m.versionColumn) expect(m.primaryColumns.map((c) => c.type)).toEqual(['uuid']);
    }
  });
});

describe('check constraints (the schema builder compares them by name only)', () => {
  let ds: DataSource;
  let name: string;

  beforeAll(async () => {
    const db = await createTestDatabase();
    name = db.name;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await dropTestDatabase(name);
  });

  it('match the entities expression for expression', async () => {
    const live = await ds.query<{ name: string; definition: string }[]>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE contype = 'c'`,
    );
    const fold = (sql: string) =>
      sql
        .replace(/::[a-z ]+(\[\])?/g, '')
        .replace(/[\s"()]/g, '')
        .replace(/ARRAY\[|\]|ANY/g, '');
    const byName = new Map(live.map((c) => [c.name, fold(c.definition)]));
    const mismatched = ds.entityMetadatas.flatMap((m) =>
      m.checks
        .filter((c) => {
          const expected = fold(c.expression ?? '');
          const actual = byName.get(c.name) ?? '';
          // IN (...) becomes = ANY (ARRAY[...]) in PostgreSQL: compare the quoted values and columns.
          // BETWEEN becomes >= AND <=: compare the sets of quoted values, columns and numbers.
          const words = (sql: string) => [...new Set(sql.match(/'[^']*'|[a-z_]+|\d+/g) ?? [])].sort();
          return JSON.stringify(words(expected)) !== JSON.stringify(words(actual));
        })
        .map((c) => `${m.tableName}.${c.name}`),
    );
    expect(mismatched).toEqual([]);
  });
});
