/**
 * The backup file of Maillage: gzip of a text stream, readable with `zcat`.
 *
 *   MAILLAGE-BACKUP 1
 *   {"createdAt": …, "migrations": [...], "tables": [{"name", "columns"}]}
 *   @@TABLE <name>
 *   <the table's rows in PostgreSQL COPY text format>
 *   \.
 *   … one block per table …
 *   @@END {"rows": {"<table>": <count>, …}}
 *
 * The schema is not in the file: it is the migrations', listed in the header, and a restore
 * brings the target database to exactly those migrations before loading the rows.
 */
export const MAGIC = 'MAILLAGE-BACKUP 1';
export const TABLE_MARK = '@@TABLE ';
export const END_MARK = '@@END ';
export const COPY_END = '\\.';

export interface BackupHeader {
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

/** Tables whose rows are not data: the schema's own bookkeeping. */
export const NOT_BACKED_UP = ['migrations'];

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
