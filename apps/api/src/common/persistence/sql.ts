import { type Page, parseSort } from '@maillage/shared/domain';
import type { Pool, QueryResultRow } from 'pg';
import { type DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { DomainException } from '../errors/domain-exception';

/**
 * Hot read paths send their SQL straight to the pg pool and map the rows themselves: no query
 * runner, no query builder, no entity hydration (docs/benchmarks.md). Inside a transaction the
 * statement runs on the transaction's connection. A failure is a TypeORM `QueryFailedError`, so
 * the error filter treats it as any other database error.
 */
export async function sqlRows<T extends QueryResultRow>(
  db: DataSource | EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  if (db instanceof EntityManager && db.queryRunner) return db.query<T[]>(text, [...values]);
  const source = db instanceof EntityManager ? db.connection : db;
  const pool = source.driver as unknown as { master: Pool };
  try {
    return (await pool.master.query<T>(text, values as unknown[])).rows;
  } catch (error) {
    throw new QueryFailedError(text, [...values], error as Error);
  }
}

/** Collects positional parameters: `params.add(value)` returns its `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * A condition written with `SqlParams` (`$1`, `$2`…) as TypeORM named parameters (`:p1`…), so
 * that a list's own filters also select the records of a query builder (bulk actions, digests).
 */
export function namedWhere(where: string, params: SqlParams): { where: string; parameters: Record<string, unknown> } {
  return {
    where: where.replace(/\$(\d+)/g, (_, n: string) => `:p${n}`),
    parameters: Object.fromEntries(params.values.map((value, i) => [`p${i + 1}`, value])),
  };
}

/** `ORDER BY` of a list (`?sort=field:dir` among `sortable`, SQL expressions), then the tie-breaker. */
export function orderOf(
  sort: string | undefined,
  sortable: Record<string, string>,
  defaultSort: string,
): { expression: string; direction: 'ASC' | 'DESC' } {
  const spec = parseSort(sort ?? defaultSort, Object.keys(sortable));
  if (!spec) throw new DomainException('BAD_INPUT', `sort : tri possible sur ${Object.keys(sortable).join(', ')}.`);
  return { expression: sortable[spec.field], direction: spec.direction === 'asc' ? 'ASC' : 'DESC' };
}

/** `LIMIT … OFFSET …` of `?page=&pageSize=`. */
export function limitOf(query: { page: number; pageSize: number }, params: SqlParams): string {
  return `LIMIT ${params.add(query.pageSize)} OFFSET ${params.add((query.page - 1) * query.pageSize)}`;
}

/**
 * The list envelope from page rows that carry the match count (`count(*) OVER ()`, one statement).
 * A page past the end has no row to carry it: only then is the count asked separately.
 */
export async function pageOf<R extends { total: string | number }, T>(
  rows: readonly R[],
  query: { page: number; pageSize: number },
  map: (row: R) => T,
  countAlone: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows.length > 0 ? Number(rows[0].total) : query.page === 1 ? 0 : await countAlone();
  return { items: rows.map(map), total, page: query.page, pageSize: query.pageSize };
}

/**
 * A `timestamptz` column as the API writes it (ISO 8601, UTC, milliseconds), formatted by
 * PostgreSQL: no Date to parse and format again for every row.
 */
export const isoSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
