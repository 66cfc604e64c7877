import type { ImportFieldDefinition } from '@maillage/shared/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { flattenErrors } from '../../common/http/validation';
import { CellError, cellValue } from '../cells';
import type { RowInput } from './import-kind';

/**
 * Reads the mapped cells of a row with the parsers of their fields, and collects every problem
 * as a French message that names the column (« Code postal » : …).
 */
export class FieldReader {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly labels: Map<string, string>;
  private readonly failed = new Set<string>();

  constructor(
    private readonly row: RowInput,
    fields: readonly ImportFieldDefinition[],
  ) {
    this.labels = new Map(fields.map((f) => [f.key, f.label]));
    for (const f of fields) {
      if (f.required && this.text(f.key) === '') this.fail(f.key, 'obligatoire.');
    }
  }

  label(key: string): string {
    return this.labels.get(key) ?? key;
  }

  /** Whether the field has a column in this file. */
  has(key: string): boolean {
    return this.row.values.has(key);
  }

  /** The cell (trimmed), `''` when empty, `undefined` when the field has no column. */
  text(key: string): string | undefined {
    const raw = this.row.values.get(key);
    return raw === undefined ? undefined : cellValue(raw);
  }

  /** The parsed cell, `undefined` when the field has no column or the cell is wrong (then an error is kept). */
  read<T>(key: string, parse: (text: string) => T): T | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    try {
      return parse(text);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      this.fail(key, error.message);
      return undefined;
    }
  }

  fail(key: string, message: string): void {
    this.failed.add(key);
    this.errors.push(`« ${this.label(key)} » : ${message}`);
  }

  /**
   * Validates with the DTO of the form (same rules as the API): the messages, which name the
   * DTO's field, are given the column's label instead.
   */
  async validate<T extends object>(
    cls: new () => T,
    plain: Record<string, unknown>,
    fieldOf: Record<string, string> = {},
  ): Promise<T> {
    const value = plainToInstance(cls, plain);
    const problems = await validate(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    for (const message of flattenErrors(problems)) this.domainError(message, fieldOf);
    return value;
  }

  /** A rule's message (« stageTypes : … ») said with the column's label instead of the API field. */
  domainError(message: string, fieldOf: Record<string, string> = {}): void {
    const match = /^([A-Za-z0-9.]+)(?:, [A-Za-z0-9.]+)* : (.*)$/s.exec(message);
    const key = match ? (fieldOf[match[1].split('.')[0]] ?? match[1].split('.')[0]) : null;
    if (key && this.failed.has(key)) return;
    const text = match && key && this.labels.has(key) ? `« ${this.label(key)} » : ${match[2]}` : message;
    if (!this.errors.includes(text)) this.errors.push(text);
  }
}

/** Values compare equal for "unchanged": empty text as null, lists whatever their order. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => {
    if (v === '' || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    return Array.isArray(v) ? [...(v as unknown[])].map(String).sort() : v;
  };
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

/** The fields whose new value differs from the current one. */
export function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(next) as [keyof T, T[keyof T]][]) {
    if (value !== undefined && !sameValue(current[key], value)) out[key] = value;
  }
  return out;
}
