import { Logger } from '@nestjs/common';
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
