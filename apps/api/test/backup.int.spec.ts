import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';

import { seedDemoData } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { backupCommand, restoreCommand } from '../src/database/backup/backup-commands';
import { differences, fingerprint } from './support/db-fingerprint';
import { startTestApp, type TestApp } from './test-app';
import { createTestDatabase, dropTestDatabase } from './test-database';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('backup and restore (real PostgreSQL, the app running)', () => {
  let t: TestApp;
  const file = join(tmpdir(), `maillage-test-${process.pid}.backup`);
  const fresh: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, '77');
  }, 120_000);
  afterAll(async () => {
    await t.close();
    for (const name of fresh) await dropTestDatabase(name);
    rmSync(file, { force: true });
  });

  /** An empty database (no migration, no territory): what a restore starts from. */
  async function emptyDatabase(): Promise<string> {
    const db = await createTestDatabase();
    fresh.push(db.name);
    await query(db.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    return db.url;
  }

  it('restores into a fresh database every table with the same rows (count and checksum)', async () => {
    const config = loadConfig({ DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' });
    await backupCommand(config, file);
    const target = await emptyDatabase();
    await restoreCommand(config, file, target);
    const source = await fingerprint((sql) => t.db.query(sql), ['migrations']);
    const restored = await fingerprint((sql) => query(target, sql), ['migrations']);
    const diff = differences(source, restored);
    const rows = Object.values(source).reduce((n, f) => n + f.rows, 0);
    process.stdout.write(
      `Backup round trip: ${Object.keys(source).length} tables, ${rows} rows, ${diff.length} differences\n`,
    );
    expect(Object.keys(source).length).toBeGreaterThan(25);
    expect(diff).toEqual([]);
  }, 120_000);

  it('changes nothing when the file is cut short (all or nothing)', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const cut = join(tmpdir(), `maillage-test-${process.pid}-cut.backup`);
    writeFileSync(cut, gzipSync(text.slice(0, Math.floor(text.length * 0.7))));
    const target = await emptyDatabase();
    const config = loadConfig({ DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' });
    await restoreCommand(config, file, target);
    const before = await fingerprint((sql) => query(target, sql), ['migrations']);
    await expect(restoreCommand(config, cut, target)).rejects.toThrow(/incomplète|illisible/);
    expect(differences(before, await fingerprint((sql) => query(target, sql), ['migrations']))).toEqual([]);
    rmSync(cut, { force: true });
  }, 120_000);
});
