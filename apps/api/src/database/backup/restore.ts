import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { tablesAndColumns } from './backup';
import { type BackupHeader, COPY_END, END_MARK, MAGIC, quoteIdent, TABLE_MARK } from './backup-format';

export class BackupError extends Error {}

/** Serial columns continue after the restored rows (identity and serial sequences). */
async function resetSequences(client: Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string; seq: string }>(
    `SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS seq
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'migrations'
        AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
  );
  for (const r of rows) {
    await client.query(
      `SELECT setval($1, coalesce((SELECT max(${quoteIdent(r.column_name)}) FROM ${quoteIdent(r.table_name)}), 0) + 1, false)`,
      [r.seq],
    );
  }
}

/** Tables in an order where every referenced table comes before the tables that reference it. */
async function loadOrder(client: Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
       FROM information_schema.table_constraints tc
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND tc.table_name <> ccu.table_name`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const r of rows.filter((r) => r.child === table)) visit(r.parent);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered.filter((t) => tables.includes(t));
}

/**
 * Replaces every row of the database by those of a backup, in one transaction: all or
 * nothing. The database must be at the backup's migrations (`restoreBackup`'s caller migrates
 * it); rows are loaded in foreign-key order and the counts are checked against the file's.
 */
export async function restoreBackup(client: Client, input: Readable): Promise<Record<string, number>> {
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new BackupError('Sauvegarde incomplète : le fichier s’arrête avant la fin.');
    return value as string;
  };
  if ((await next()) !== MAGIC) throw new BackupError('Ce fichier n’est pas une sauvegarde de Maillage.');
  const header = JSON.parse(await next()) as BackupHeader;
  const present = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
  const names = present.rows.map((r) => r.name);
  if (JSON.stringify(names) !== JSON.stringify(header.migrations)) {
    throw new BackupError(
      `La base n’est pas au schéma de la sauvegarde (migrations ${header.migrations.at(-1) ?? 'aucune'} attendues, ${names.at(-1) ?? 'aucune'} trouvées).`,
    );
  }
  const schema = new Map((await tablesAndColumns(client)).map((t) => [t.name, t.columns]));
  for (const table of header.tables) {
    if (JSON.stringify(schema.get(table.name)) !== JSON.stringify(table.columns)) {
      throw new BackupError(`La table ${table.name} n’a pas les colonnes de la sauvegarde.`);
    }
  }
  const order = await loadOrder(
    client,
    header.tables.map((t) => t.name),
  );
  const loaded: Record<string, number> = {};
  await client.query('BEGIN');
  try {
    await client.query(`TRUNCATE ${[...schema.keys()].map(quoteIdent).join(', ')} CASCADE`);
    // The file lists tables by name, which may put a table before the ones it references: each
    // is read into a temporary copy, then all are inserted in foreign-key order.
    for (const table of header.tables) {
      const mark = await next();
      if (mark !== `${TABLE_MARK}${table.name}`) throw new BackupError(`Sauvegarde illisible près de ${table.name}.`);
      await client.query(
        `CREATE TEMP TABLE ${quoteIdent(`restore_${table.name}`)} (LIKE ${quoteIdent(table.name)}) ON COMMIT DROP`,
      );
      const columns = table.columns.map(quoteIdent).join(', ');
      const stream = client.query(copyFrom(`COPY ${quoteIdent(`restore_${table.name}`)} (${columns}) FROM STDIN`));
      const failed = new Promise<never>((_, reject) => {
        stream.once('error', (error) =>
          reject(new BackupError(`Sauvegarde illisible dans la table ${table.name} : ${error.message}.`)),
        );
      });
      failed.catch(() => undefined);
      const copied = async () => {
        for (let line = await next(); line !== COPY_END; line = await next()) {
          if (!stream.write(`${line}\n`)) await Promise.race([once(stream, 'drain'), failed]);
        }
        stream.end();
        await Promise.race([once(stream, 'finish'), failed]);
      };
      await Promise.race([copied(), failed]);
      loaded[table.name] = stream.rowCount;
    }
    for (const name of order) {
      const columns = (header.tables.find((t) => t.name === name)?.columns ?? []).map(quoteIdent).join(', ');
      await client.query(
        `INSERT INTO ${quoteIdent(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${quoteIdent(`restore_${name}`)}`,
      );
    }
    await resetSequences(client);
    const end = await next();
    if (!end.startsWith(END_MARK)) throw new BackupError('Sauvegarde incomplète : la fin du fichier manque.');
    const expected = (JSON.parse(end.slice(END_MARK.length)) as { rows: Record<string, number> }).rows;
    const wrong = Object.keys(expected).filter((t) => expected[t] !== loaded[t]);
    if (wrong.length > 0) throw new BackupError(`Nombre de lignes différent pour ${wrong.join(', ')}.`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return loaded;
}
