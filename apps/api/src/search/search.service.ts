import {
  type AuthUser,
  hasPermission,
  normalizeSearchText,
  SEARCH_KIND_INFO,
  SEARCH_KINDS,
  type SearchGroup,
  type SearchKind,
  type SearchResponse,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { visibleDepartements } from '../common/scope/territory-scope';
import type { SearchQuery } from './dto/search.query';
import { SEARCH_HITS, searchListLink } from './search-hits';
import { Params, SEARCH_SQL, type SearchInput } from './search-sql';

/**
 * The header's search box: every kind the role may read (`SEARCH_KIND_INFO` permissions), within
 * the user's département, one indexed statement per kind, run side by side: every word of the
 * query first, then — when nothing matched at all — the words close to them (typos).
 */
@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(user: AuthUser, query: SearchQuery): Promise<SearchResponse> {
    const folded = normalizeSearchText(query.q);
    if (folded.length < 2) {
      throw new DomainException('BAD_INPUT', 'q : saisissez au moins 2 lettres ou chiffres.');
    }
    const kinds = SEARCH_KINDS.filter(
      (kind) =>
        hasPermission(user.role, SEARCH_KIND_INFO[kind].permission) && (!query.kinds || query.kinds.includes(kind)),
    );
    // Every word as typed first; close words (typos) only when nothing at all matched that way.
    const exact = await Promise.all(kinds.map((kind) => this.searchKind(user, kind, folded, query, false)));
    const groups = exact.some((g) => g !== null)
      ? exact
      : await Promise.all(kinds.map((kind) => this.searchKind(user, kind, folded, query, true)));
    return { q: query.q, groups: groups.filter((g): g is SearchGroup => g !== null) };
  }

  private async searchKind(
    user: AuthUser,
    kind: SearchKind,
    folded: string,
    query: SearchQuery,
    fuzzy: boolean,
  ): Promise<SearchGroup | null> {
    // Without the right to read RPPS numbers, a number does not find a professional by their RPPS.
    const text =
      kind === 'professionals' && !hasPermission(user.role, 'professionals.readRpps')
        ? folded
            .split(' ')
            .filter((word) => !/\d/.test(word))
            .join(' ')
        : folded;
    if (text.length < 2) return null;
    const input: SearchInput = {
      folded: text,
      departements: visibleDepartements(user),
      limit: query.limit + 1,
      cdomOnly: user.role === 'cdom',
      fuzzy,
    };
    const params = new Params();
    const sql = SEARCH_SQL[kind](input, params);
    const rows = await this.db.query<(Record<string, unknown> & { id: string; score: number })[]>(sql, params.values);
    if (rows.length === 0) return null;
    return {
      kind,
      label: SEARCH_KIND_INFO[kind].label,
      hits: rows.slice(0, query.limit).map((row) => ({
        id: row.id,
        score: Math.round(row.score * 100) / 100,
        ...SEARCH_HITS[kind](row, user.role),
      })),
      more: rows.length > query.limit,
      listLink: searchListLink(kind, query.q),
    };
  }
}
