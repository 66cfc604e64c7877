/**
 * The SQL a request of the API sent, as the raw handler replays it: statements in the order the
 * API sent them, grouped in stages — a transaction (one connection, in order), or statements the
 * API had in flight together (`Promise.all`: replayed together too). Parameters are the captured
 * ones, except the few that must change per request (placeholders).
 */
import type { TracedStatement } from './sql-trace';

/**
 * Values that differ per request: the session token's hash (from the request's bearer token),
 * the site and version of a PATCH (path and If-Match), the new session of a login.
 */
export type Placeholder = 'tokenHash' | 'siteId' | 'version' | 'newTokenHash';
export type ReplayValue = string | null | { placeholder: Placeholder };

export interface ReplayStatement {
  text: string;
  values: ReplayValue[];
}

export interface Stage {
  kind: 'transaction' | 'together';
  statements: ReplayStatement[];
}

export interface ReplayEndpoint {
  key: string;
  stages: Stage[];
  /** Login: the password is checked (Argon2, as the API) against the hash the first stage read. */
  verifyPassword: boolean;
}

const TRANSACTION_START = /^\s*(START TRANSACTION|BEGIN)\b/i;
const TRANSACTION_END = /^\s*(COMMIT|ROLLBACK)\b/i;
/** `… WHERE id = $1 AND version = $2`: the optimistic-locking parameter. */
const VERSION_PARAM = /\bversion"?\s*=\s*\$(\d+)/gi;

/**
 * Groups a request's statements in stages: a transaction is one stage; outside transactions,
 * a statement sent before any statement of the current stage had finished joins it.
 */
export function toStages(statements: readonly TracedStatement[]): Stage[] {
  const sorted = [...statements].sort((a, b) => a.startUs - b.startUs);
  const stages: (Stage & { firstEndUs: number })[] = [];
  const open = new Map<number, Stage>();
  for (const s of sorted) {
    const statement: ReplayStatement = { text: s.text, values: s.values };
    const transaction = open.get(s.connection);
    if (transaction) {
      transaction.statements.push(statement);
      if (TRANSACTION_END.test(s.text)) open.delete(s.connection);
      continue;
    }
    if (TRANSACTION_START.test(s.text)) {
      const stage = { kind: 'transaction' as const, statements: [statement], firstEndUs: s.endUs };
      stages.push(stage);
      open.set(s.connection, stage);
      continue;
    }
    const last = stages.at(-1);
    if (last?.kind === 'together' && s.startUs < last.firstEndUs) {
      last.statements.push(statement);
      last.firstEndUs = Math.min(last.firstEndUs, s.endUs);
    } else {
      stages.push({ kind: 'together', statements: [statement], firstEndUs: s.endUs });
    }
  }
  return stages.map(({ kind, statements: list }) => ({ kind, statements: list }));
}

/** Marks the captured values that change per request (exact matches; the version by its place). */
export function withPlaceholders(stages: Stage[], values: Partial<Record<Placeholder, string>>): Stage[] {
  const byValue = new Map(
    (Object.entries(values) as [Placeholder, string][]).filter(([name]) => name !== 'version').map(([k, v]) => [v, k]),
  );
  return stages.map((stage) => ({
    kind: stage.kind,
    statements: stage.statements.map((statement) => {
      const versionParams = new Set(
        values.version === undefined ? [] : [...statement.text.matchAll(VERSION_PARAM)].map((m) => Number(m[1]) - 1),
      );
      return {
        text: statement.text,
        values: statement.values.map((value, i) => {
          if (versionParams.has(i) && value === values.version) return { placeholder: 'version' as const };
          const name = typeof value === 'string' ? byValue.get(value) : undefined;
          return name ? { placeholder: name } : value;
        }),
      };
    }),
  }));
}

export const statementCount = (stages: readonly Stage[]): number => stages.reduce((n, s) => n + s.statements.length, 0);
