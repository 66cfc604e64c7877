import { type Page, parseSort } from '@maillage/shared/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { DomainException } from '../errors/domain-exception';
import type { PageQueryDto } from './page-query.dto';

/**
 * Applies sort and paging in the database and returns the list envelope.
 * `sortable` maps the public field names to SQL expressions; `tieBreaker` keeps pages stable.
 * An order already set on `qb` comes first (with joins, it must name a selected alias).
 */
export async function paginate<T extends ObjectLiteral, R>(
  qb: SelectQueryBuilder<T>,
  query: PageQueryDto,
  sortable: Record<string, string>,
  defaultSort: string,
  map: (row: T) => R,
): Promise<Page<R>> {
  const spec = parseSort(query.sort ?? defaultSort, Object.keys(sortable));
  if (!spec) {
    throw new DomainException('BAD_INPUT', `sort : tri possible sur ${Object.keys(sortable).join(', ')}.`);
  }
  const direction = spec.direction === 'asc' ? 'ASC' : 'DESC';
  // Added after any order the caller already set (e.g. search relevance), never replacing it.
  // PostgreSQL's default null order (last when ascending) is the order of a plain b-tree index,
  // so that a page can be read straight from an index.
  qb.addOrderBy(sortable[spec.field], direction);
  qb.addOrderBy(`${qb.alias}.${tieBreakerOf(qb)}`, 'ASC');
  const [rows, total] = await qb
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return { items: rows.map(map), total, page: query.page, pageSize: query.pageSize };
}

function tieBreakerOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): string {
  const primary = qb.expressionMap.mainAlias?.metadata.primaryColumns[0];
  return primary?.propertyName ?? 'id';
}

/** Escapes `%`, `_` and `\` for a LIKE pattern built from user text. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
