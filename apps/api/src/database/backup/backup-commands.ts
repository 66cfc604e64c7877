import { Logger } from '@nestjs/common';
import { createReadStream, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import type { AppConfig } from '../../config/app-config';
import { dataSourceOptions } from '../data-source';
import { resolveDatabaseBesideApp } from '../database-target';
import { migrate } from '../migrate';
import { writeBackup } from './backup';
import { type BackupHeader, MAGIC } from './backup-format';
import { BackupError, restoreBackup } from './restore';

const logger = new Logger('Backup');

/** `backups/maillage-2026-12-07T15-20-00.backup` */
export function defaultBackupFile(now = new Date()): string {
  return resolve('backups', `maillage-${now.toISOString().slice(0, 19).replace(/:/g, '-')}.backup`);
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'maillage-backup' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `backup [--file f]`: every row, from one snapshot, while the app may run. */
export async function backupCommand(config: AppConfig, file = defaultBackupFile()): Promise<string> {
  const target = await resolveDatabaseBesideApp(config);
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    const rows = await withClient(target.url, (client) =>
      writeBackup(client, createWriteStream(file, { mode: 0o600 })),
    );
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    logger.log(
      `Sauvegarde écrite : ${file} (${Object.keys(rows).length} tables, ${total} lignes, ${Math.round(statSync(file).size / 1024)} Kio)`,
    );
    return file;
  } finally {
    await target.embedded?.stop();
  }
}

export async function readHeader(file: string): Promise<BackupHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const magic = await iterator.next();
  const header = await iterator.next();
  lines.close();
  if (magic.value !== MAGIC || header.done) throw new BackupError('Ce fichier n’est pas une sauvegarde de Maillage.');
  return JSON.parse(header.value as string) as BackupHeader;
}

/**
 * Brings a database to the backup's migrations: every migration of this version, then the
 * ones the backup did not have undone (the next start applies them again, data included).
 */
export async function migrateTo(url: string, migrations: string[]): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    await migrate(ds);
    const known = ds.migrations.map((m) => m.name ?? m.constructor.name);
    const unknown = migrations.filter((m) => !known.includes(m));
    if (unknown.length > 0) {
      throw new BackupError(`Sauvegarde d’une version plus récente de Maillage (migrations ${unknown.join(', ')}).`);
    }
    for (;;) {
      const rows = await ds.query<{ name: string }[]>('SELECT name FROM migrations ORDER BY id');
      if (rows.length <= migrations.length) break;
      await ds.undoLastMigration({ transaction: 'each' });
    }
  } finally {
    await ds.destroy();
  }
}

/** `restore --file f`: the database becomes exactly the backup (all or nothing). */
export async function restoreCommand(config: AppConfig, file: string, url?: string): Promise<Record<string, number>> {
  const header = await readHeader(file);
  const target = url ? null : await resolveDatabaseBesideApp(config);
  const databaseUrl = url ?? (target?.url as string);
  try {
    await migrateTo(databaseUrl, header.migrations);
    const rows = await withClient(databaseUrl, (client) => restoreBackup(client, createReadStream(file)));
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    logger.log(`Sauvegarde du ${header.createdAt} restaurée : ${Object.keys(rows).length} tables, ${total} lignes`);
    return rows;
  } finally {
    await target?.embedded?.stop();
  }
}
