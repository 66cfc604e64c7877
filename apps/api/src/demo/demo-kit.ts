import { luhnValid } from '@maillage/shared/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

import type { ScopedEntity } from '../common/scope/scoped.entity';
import { seededRandom } from './seeded-random';

/**
 * A record of the story as a planner writes it: the entity's own columns, without what the seed
 * stamps on insert (département, archive, version, dates) nor the relations (`R`).
 */
export type Draft<E extends ScopedEntity, R extends keyof E = never> = Omit<
  E,
  'departementCode' | 'archivedAt' | 'createdAt' | 'updatedAt' | 'version' | R
>;

/** Deterministic draws for the demo data (a seeded PRNG, never `Math.random`). */
export class DemoRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** One item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return items[items.length - 1];
  }

  /** A bell curve around `mean` (sum of three uniforms), rounded and clamped. */
  bell(mean: number, spread: number, min: number, max: number): number {
    const value = mean + (this.next() + this.next() + this.next() - 1.5) * spread;
    return Math.min(max, Math.max(min, Math.round(value)));
  }

  /** Digits as a string, the first one never 0. */
  digits(length: number): string {
    let out = String(this.int(1, 9));
    while (out.length < length) out += String(this.int(0, 9));
    return out;
  }
}

export const newId = (): string => randomUUID();

/** ISO date plus (or minus) days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday to Friday: a weekend date moves to the following Monday. */
export function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** Monday to Friday: a weekend date moves back to the previous Friday. */
export function weekdayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** A working-hours timestamp on an ISO date (deterministic minutes). */
export function at(date: string, random: DemoRandom): Date {
  return new Date(
    `${date}T${String(random.int(8, 17)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
  );
}

/** `body` followed by the digit that makes the whole Luhn-valid. */
export function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key++) if (luhnValid(`${body}${key}`)) return `${body}${key}`;
  throw new Error('unreachable: one Luhn key always exists');
}

/**
 * Synthetic RPPS numbers: 11 digits, Luhn-valid, prefixed `19` (real numbers are in the `10…`
 * range), so that no demo number designates a real practitioner.
 */
export function rppsFactory(random: DemoRandom): () => string {
  const used = new Set<string>();
  return () => {
    let rpps: string;
    do rpps = withLuhnKey(`19${random.digits(8)}`);
    while (used.has(rpps));
    used.add(rpps);
    return rpps;
  };
}

/** Synthetic SIRET numbers: a Luhn-valid SIREN, then a NIC keyed so that the 14 digits are Luhn-valid. */
export function siretFactory(random: DemoRandom): () => string {
  const used = new Set<string>();
  return () => {
    let siret: string;
    do {
      const siren = withLuhnKey(`${random.int(4, 9)}${random.digits(7)}`);
      siret = withLuhnKey(`${siren}000${random.int(1, 4)}`);
    } while (used.has(siret));
    used.add(siret);
    return siret;
  };
}

/** Multi-row inserts in batches (well under PostgreSQL's 65,535 parameters). */
export async function insertBatched<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
  size = 250,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await manager.getRepository(target).insert(rows.slice(i, i + size) as QueryDeepPartialEntity<T>[]);
  }
}
