/**
 * Preloaded into the API by the benchmark (`node -r …/sql-trace.ts dist/apps/api/main.js`) when
 * `BENCH_SQL_TRACE` names a file: every statement the pg driver sends is appended to that file as
 * one JSON line — the connection it ran on, its text, its parameters as pg sends them (text) and
 * when it started and ended (µs). Never loaded by the app itself; the measured API runs without it.
 */
import { appendFileSync } from 'node:fs';
import { Client, type QueryResult } from 'pg';

/** One statement as the driver sent it. */
export interface TracedStatement {
  /** A number per pg connection (a transaction stays on one). */
  connection: number;
  text: string;
  /** Parameters as pg serialises them (text, or null). */
  values: (string | null)[];
  startUs: number;
  endUs: number;
  rowCount: number | null;
}

// `prepareValue` is exported at run time (pg/lib/utils) but missing from @types/pg.
const { prepareValue } = (require('pg') as { utils: { prepareValue(value: unknown): unknown } }).utils;

const file = process.env['BENCH_SQL_TRACE'];
if (file) {
  const connections = new WeakMap<object, number>();
  let next = 1;
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  const serialise = (value: unknown): string | null => {
    const prepared = prepareValue(value);
    if (prepared === null || prepared === undefined) return null;
    return Buffer.isBuffer(prepared) ? prepared.toString('utf8') : String(prepared);
  };
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  type Callback = (error: Error | null, result?: QueryResult) => void;

  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function traced(
    this: object,
    config: unknown,
    values?: unknown,
    callback?: unknown,
  ): unknown {
    // Query objects (cursors, streams) are passed through untraced: the app does not use them.
    const plain =
      typeof config === 'string' || (typeof config === 'object' && config !== null && !('submit' in config));
    if (!plain) return original.call(this, config, values, callback);
    const spec =
      typeof config === 'string'
        ? { text: config, values: undefined }
        : (config as { text: string; values?: unknown[] });
    const params = Array.isArray(values) ? values : (spec.values ?? []);
    if (!connections.has(this)) connections.set(this, next++);
    const entry: TracedStatement = {
      connection: connections.get(this) as number,
      text: spec.text,
      values: params.map(serialise),
      startUs: nowUs(),
      endUs: 0,
      rowCount: null,
    };
    const write = (result?: QueryResult) => {
      entry.endUs = nowUs();
      entry.rowCount = result?.rowCount ?? null;
      appendFileSync(file, `${JSON.stringify(entry)}\n`);
    };
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb === 'function') {
      const wrapped: Callback = (error, result) => {
        write(result);
        (cb as Callback)(error, result);
      };
      return typeof values === 'function'
        ? original.call(this, config, wrapped)
        : original.call(this, config, values, wrapped);
    }
    const promise = original.call(this, config, values) as Promise<QueryResult>;
    return promise.then(
      (result) => {
        write(result);
        return result;
      },
      (error: unknown) => {
        write();
        throw error;
      },
    );
  };
}
