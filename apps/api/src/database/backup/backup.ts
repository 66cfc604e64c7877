import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

import { type BackupHeader, COPY_END, END_MARK, MAGIC, NOT_BACKED_UP, quoteIdent, TABLE_MARK } from './backup-format';

/** Base tables of the public schema with their columns in order (the schema of a migrated database). */
export async function tablesAndColumns(client: Client): Promise<BackupHeader['tables']> {
  const { rows } = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
      GROUP BY c.table_name ORDER BY c.table_name`,
  );
  return rows
    .filter((r) => !NOT_BACKED_UP.includes(r.table_name))
    .map((r) => ({ name: r.table_name, columns: r.columns }));
}

/**
 * Writes every row of the database to `out` (gzip), from one consistent snapshot (a read-only
 * repeatable-read transaction): the app may keep running and writing meanwhile.
 */
export async function writeBackup(client: Client, out: Writable): Promise<Record<string, number>> {
  const gzip = createGzip();
  const done = pipeline(gzip, out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const migrations = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    const version = await client.query<{ server_version: string }>('SHOW server_version');
    const header: BackupHeader = {
      createdAt: new Date().toISOString(),
      serverVersion: version.rows[0].server_version,
      migrations: migrations.rows.map((m) => m.name),
      tables: await tablesAndColumns(client),
    };
    await write(`${MAGIC}\n${JSON.stringify(header)}\n`);
    for (const table of header.tables) {
      await write(`${TABLE_MARK}${table.name}\n`);
      const stream = client.query(
        copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) TO STDOUT`),
      );
      for await (const chunk of stream) {
        if (!gzip.write(chunk)) await once(gzip, 'drain');
      }
      rows[table.name] = stream.rowCount;
      await write(`${COPY_END}\n`);
    }
    await write(`${END_MARK}${JSON.stringify({ rows })}\n`);
  } finally {
    await client.query('COMMIT');
  }
  gzip.end();
  await done;
  return rows;
}
