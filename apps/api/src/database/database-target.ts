import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

import type { AppConfig } from '../config/app-config';
import { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseTarget {
  url: string;
  embedded: EmbeddedServer | null;
  /** The embedded cluster was created by this start. */
  firstStart: boolean;
}

const EMBEDDED_DATABASE = 'maillage';

/** `DATABASE_URL` when given; otherwise the embedded PostgreSQL of `DATA_DIR`. */
export async function resolveDatabase(config: AppConfig, logger = new Logger('Database')): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) {
    logger.log('Base de données externe (DATABASE_URL)');
    return { url: config.DATABASE_URL, embedded: null, firstStart: false };
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_POSTGRES_PORT,
    logger,
  });
  await ensureDatabase(embedded.url('postgres'), EMBEDDED_DATABASE);
  return { url: embedded.url(EMBEDDED_DATABASE), embedded, firstStart: embedded.created };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded server of `DATA_DIR` when it is already running (the app started it): its port
 * is on the fourth line of `postmaster.pid`, its password beside the data. Null otherwise.
 */
export function runningEmbeddedUrl(config: AppConfig, database = EMBEDDED_DATABASE): string | null {
  const root = resolve(config.DATA_DIR);
  try {
    const lines = readFileSync(join(root, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!pid || !port) return null;
    process.kill(pid, 0);
    const password = readFileSync(join(root, 'postgres-password'), 'utf8').trim();
    return `postgres://maillage:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  } catch {
    return null;
  }
}

/**
 * For commands that may run beside the app (backup, restore): `DATABASE_URL`, else the
 * embedded server already running, else the embedded server started for the command.
 */
export async function resolveDatabaseBesideApp(config: AppConfig): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: null, firstStart: false };
  const running = runningEmbeddedUrl(config);
  if (running) return { url: running, embedded: null, firstStart: false };
  return resolveDatabase(config);
}
