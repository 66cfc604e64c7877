import type { SearchKind } from '@maillage/shared/domain';

import { MADE_BY_CDOM } from '../referrals/referrals.service';

/** Positional parameters of one statement. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** What every kind's statement is built from. */
export interface SearchInput {
  /** The query folded by `normalizeSearchText` (only [a-z0-9 ]: nothing to escape for LIKE). */
  folded: string;
  /** `null`: every département. */
  departements: string[] | null;
  /** Rows to fetch (one more than shown, to know whether there are more). */
  limit: number;
  /** The CDOM reads only the referrals the CDOM made. */
  cdomOnly: boolean;
  /** `false`: every word must appear; `true`: close words match too (see `match`). */
  fuzzy: boolean;
}

/**
 * Two passes. Exact: the text contains every word of the query (LIKE, served by the trigram
 * indexes as an intersection: cheap, however many rows the table holds). Fuzzy, when nothing
 * matched exactly: the text contains the query, or the query is close to one of its
 * words (`<%`, pg_trgm's word similarity above `pg_trgm.word_similarity_threshold`, 0.6 by
 * default: « fontainbleau » finds « fontainebleau », « durant » finds « durand »). The score puts
 * a text that starts with the query first, then one with a word that starts with it, then the
 * closest.
 */
function match(text: string, p: Params, input: SearchInput): { where: string; score: string } {
  const q = p.add(input.folded);
  const starts = p.add(`${input.folded}%`);
  const wordStarts = p.add(`% ${input.folded}%`);
  const where = input.fuzzy
    ? `(${text} LIKE ${p.add(`%${input.folded}%`)} OR ${q} <% ${text})`
    : `(${exactWords(input.folded)
        .map((word) => `${text} LIKE ${p.add(`%${word}%`)}`)
        .join(' AND ')})`;
  return {
    where,
    score: `(CASE WHEN ${text} LIKE ${starts} THEN 1.0 WHEN ${text} LIKE ${wordStarts} THEN 0.9
      ELSE word_similarity(${q}, ${text}) * 0.8 END)::float8`,
  };
}

/** The words of the exact pass: those of 3 letters or more (the trigram index needs them), else all. */
function exactWords(folded: string): string[] {
  const words = folded.split(' ');
  const long = words.filter((w) => w.length >= 3);
  return long.length ? long : words;
}

function scope(column: string, p: Params, input: SearchInput): string {
  return input.departements === null ? 'true' : `${column} = ANY(${p.add(input.departements)}::varchar[])`;
}

/**
 * The texts of `idx_candidate_referrals_search_trgm` and `idx_committee_meetings_search_trgm`
 * (migration AddCollaboration): the same expressions, or the indexes are not used.
 */
const REFERRAL_TEXT = `maillage_fold(r.first_name || ' ' || r.last_name)`;
const MEETING_TEXT = `maillage_fold(m.title || ' ' || coalesce(m.location, ''))`;

/** One statement per kind: `id`, `score`, and the columns its mapper reads. */
export const SEARCH_SQL: Readonly<Record<SearchKind, (input: SearchInput, p: Params) => string>> = {
  professionals: (input, p) => {
    const m = match('p.search_text', p, input);
    return `SELECT p.id, ${m.score} AS score, p.civility, p.first_name, p.last_name, p.rpps, p.specialty, p.msu_stage
      FROM professionals p
      WHERE p.archived_at IS NULL AND ${scope('p.departement_code', p, input)} AND ${m.where}
      ORDER BY score DESC, p.search_text, p.id LIMIT ${p.add(input.limit)}`;
  },
  sites: (input, p) => {
    const m = match('s.search_text', p, input);
    return `SELECT s.id, ${m.score} AS score, s.name, s.kind, s.status,
        (SELECT c.name FROM communes c WHERE c.code = s.commune_code) AS commune_name
      FROM training_sites s
      WHERE s.archived_at IS NULL AND ${scope('s.departement_code', p, input)} AND ${m.where}
      ORDER BY score DESC, s.search_text, s.id LIMIT ${p.add(input.limit)}`;
  },
  communes: (input, p) => {
    const m = match('c.search_name', p, input);
    return `SELECT c.code AS id, ${m.score} AS score, c.name, c.departement_code, c.population, c.postal_codes
      FROM communes c
      WHERE ${scope('c.departement_code', p, input)} AND ${m.where}
      ORDER BY score DESC, c.population DESC NULLS LAST, c.code LIMIT ${p.add(input.limit)}`;
  },
  referrals: (input, p) => {
    const m = match(REFERRAL_TEXT, p, input);
    return `SELECT r.id, ${m.score} AS score, r.civility, r.first_name, r.last_name, r.status, r.created_at
      FROM candidate_referrals r
      WHERE r.archived_at IS NULL AND ${scope('r.departement_code', p, input)} AND ${m.where}
        ${input.cdomOnly ? `AND ${MADE_BY_CDOM}` : ''}
      ORDER BY score DESC, r.created_at DESC, r.id LIMIT ${p.add(input.limit)}`;
  },
  visits: (input, p) => {
    const m = match('s.search_text', p, input);
    return `SELECT v.id, ${m.score} AS score, v.planned_on::text AS planned_on, v.visited_on::text AS visited_on,
        v.status, v.purpose, s.name AS site_name
      FROM training_sites s
      JOIN site_visits v ON v.site_id = s.id
      WHERE v.archived_at IS NULL AND ${scope('v.departement_code', p, input)}
        AND ${scope('s.departement_code', p, input)} AND ${m.where}
      ORDER BY score DESC, v.planned_on DESC, v.id LIMIT ${p.add(input.limit)}`;
  },
  committees: (input, p) => {
    const m = match(MEETING_TEXT, p, input);
    return `SELECT m.id, ${m.score} AS score, m.title, m.kind, m.held_on::text AS held_on, m.status
      FROM committee_meetings m
      WHERE m.archived_at IS NULL AND ${scope('m.departement_code', p, input)} AND ${m.where}
      ORDER BY score DESC, m.held_on DESC, m.id LIMIT ${p.add(input.limit)}`;
  },
};
