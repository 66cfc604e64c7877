import type { Socket } from 'node:net';
import { Client, type ClientConfig } from 'pg';

/** Extra option of the pool's clients: a query without any answer for this long is given up. */
export interface GuardedClientConfig extends ClientConfig {
  stall_timeout?: number;
}

/** A timer that fires this late was held up by the event loop, not by the server. */
const LATE_TIMER_MS = 500;

/**
 * A pg client that gives a stalled connection up for good. When the server does not answer a
 * query at all (frozen, network cut) within `stall_timeout`, the socket is destroyed: the query
 * fails at once ("Connection terminated"), the pool drops the client, and the server aborts the
 * transaction the client gave up on as soon as it runs again — a write answered 503 is not
 * committed later. pg's own `query_timeout` is not used: it keeps waiting on the socket, and it
 * fires when a busy event loop (a long computation, a GC pause) only delayed the reading of an
 * answer that had arrived. Here a timer that fires late first lets the loop read what arrived,
 * and gives the query another period only if the server sent something. Streams
 * (COPY) are not guarded: the server's `statement_timeout` bounds them.
 */
export class GuardedClient extends Client {
  private readonly stallMs: number;
  /** A longer stall window for the current transaction only (`allowLongStatements`). */
  private transactionStallMs: number | undefined;
  /** The socket whose `data` events are counted, and their count: did the server send anything? */
  private counted: Socket | undefined;
  private chunksReceived = 0;

  constructor(config?: string | GuardedClientConfig) {
    super(config);
    this.stallMs = typeof config === 'object' ? (config.stall_timeout ?? 0) : 0;
  }

  /** Until the transaction ends, a query may go without an answer for `ms` (bulk work). */
  allowLongQueriesInTransaction(ms: number): void {
    this.transactionStallMs = Math.max(ms, this.stallMs);
  }

  override query(...args: unknown[]): never {
    const [config] = args;
    const submittable = typeof (config as { submit?: unknown } | null)?.submit === 'function';
    if (!this.stallMs || submittable) return (super.query as (...a: unknown[]) => never)(...args);
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
    const window = this.transactionStallMs ?? this.stallMs;
    if (typeof text === 'string' && /^\s*(COMMIT|ROLLBACK)\b/i.test(text)) this.transactionStallMs = undefined;
    const stop = this.watch(window);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        stop();
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.then(stop, stop);
    return result as never;
  }

  /** Arms the stall timer of one query; returns the function that disarms it. */
  private watch(stallMs: number): () => void {
    const stream = (this as unknown as { connection?: { stream?: Socket } }).connection?.stream;
    if (stream && this.counted !== stream) {
      // One listener per connection, whatever the number of queries queued on it.
      this.counted = stream;
      stream.on('data', () => (this.chunksReceived += 1));
    }
    let stopped = false;
    let seen = this.chunksReceived;
    let due = Date.now() + stallMs;
    let timer: NodeJS.Timeout;
    const giveUp = (): void => {
      stream?.destroy(new Error('Query read timeout: the database server does not answer'));
    };
    const check = (): void => {
      if (Date.now() - due <= LATE_TIMER_MS) return giveUp();
      // Late: the event loop was busy. Let it first read what the server sent meanwhile (the poll
      // phase runs before `setImmediate`); give the query another period only if bytes came —
      // not a blind one, which would let a frozen server hold the request twice as long.
      setImmediate((): void => {
        if (stopped) return;
        if (this.chunksReceived === seen) return giveUp();
        seen = this.chunksReceived;
        due = Date.now() + stallMs;
        timer = setTimeout(check, stallMs);
      });
    };
    timer = setTimeout(check, stallMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
}
