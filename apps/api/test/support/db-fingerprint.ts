import type { DataSource } from 'typeorm';

/** Tables whose rows change without a business write (sessions, throttling, idempotency keys). */
export const TECHNICAL_TABLES = ['migrations', 'sessions', 'login_throttle', 'idempotency_keys', 'typeorm_metadata'];

export interface TableFingerprint {
  rows: number;
  checksum: string;
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** Every base table of the public schema, in name order. */
export async function tablesOf(query: Query, exclude: readonly string[] = []): Promise<string[]> {
  const rows = (await query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as { name: string }[];
  return rows.map((r) => r.name).filter((name) => !exclude.includes(name));
}

/**
 * Row count and an order-independent checksum of every row of each table (the md5 of the
 * sorted md5s of the rows' text): two databases with the same fingerprint hold the same data.
 */
export async function fingerprint(
  query: Query,
  exclude: readonly string[] = TECHNICAL_TABLES,
): Promise<Record<string, TableFingerprint>> {
  const result: Record<string, TableFingerprint> = {};
  for (const table of await tablesOf(query, exclude)) {
    const [row] = (await query(
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(h, '' ORDER BY h)), '') AS checksum
         FROM (SELECT md5(t::text) AS h FROM "${table}" t) x`,
    )) as TableFingerprint[];
    result[table] = row;
  }
  return result;
}

/** Tables whose count or checksum differ between two fingerprints. */
export function differences(a: Record<string, TableFingerprint>, b: Record<string, TableFingerprint>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((name) => a[name]?.rows !== b[name]?.rows || a[name]?.checksum !== b[name]?.checksum);
}

/** The next transaction id of the cluster: it moves only when some transaction wrote something. */
export async function nextXid(db: DataSource): Promise<string> {
  const [row] = (await db.query('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xid')) as { xid: string }[];
  return row.xid;
}
