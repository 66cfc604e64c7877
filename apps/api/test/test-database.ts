import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { loadConfig } from '../src/config/app-config';
import { dataSourceOptions } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';

const TEMPLATE = 'maillage_test_template';
const LOCK = 770_077;

export function adminUrl(): string {
  const url = process.env['TEST_DATABASE_ADMIN_URL'];
  if (!url) throw new Error('TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (global setup)');
  return url;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, copied from a template that is migrated (not
 * synchronized) and holds the territory of the 77, built once per run by the first worker.
 */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  const name = `maillage_test_${process.env['JEST_WORKER_ID'] ?? '0'}_${randomBytes(4).toString('hex')}`;
  await withAdmin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (exists.rowCount === 0) await buildTemplate(client);
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK]);
    }
  });
  return { name, url: urlFor(name) };
}

async function buildTemplate(client: Client): Promise<void> {
  const building = `${TEMPLATE}_building`;
  await client.query(`DROP DATABASE IF EXISTS ${building}`);
  await client.query(`CREATE DATABASE ${building}`);
  const ds = new DataSource(dataSourceOptions(urlFor(building)));
  await ds.initialize();
  try {
    await migrate(ds);
    // The territory loader needs Nest only for injection: call it with what it uses.
    const { TerritoryLoaderService } = await import('../src/territory/territory-loader.service');
    Logger.overrideLogger(['error']);
    await new TerritoryLoaderService(ds, loadConfig({ TERRITORY_DEPARTEMENTS: '77' })).load();
  } finally {
    await ds.destroy();
  }
  await client.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE}`);
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
