import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

import { sqlRows } from '../common/persistence/sql';

/** Figures ready to send: their JSON (UTF-8), its entity tag, and compressed copies once made. */
export interface CachedFigures {
  body: Buffer;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
}

interface Entry extends CachedFigures {
  /** The PostgreSQL snapshot (`pg_snapshot` text) the figures were computed from, or after. */
  snapshot: string;
}

/**
 * Part of every key: raise it when the shape of cached figures changes, so that instances of two
 * versions of the API sharing a database never read each other's figures.
 */
const FORMAT = 1;

/** Entries kept in this instance (the most recently used), and their total size. */
const MEMORY_ENTRIES = 256;
const MEMORY_BYTES = 64 * 1024 * 1024;
/** How often the change log is trimmed (and figures computed before that are recomputed). */
const HORIZON_EVERY_MS = 60 * 60 * 1000;

/**
 * Aggregate figures (dashboard, map) computed once and served until a write changes them, from any
 * instance of the API (migration AddFigureChanges): every write to a table they read records its
 * départements and transaction id in `figure_changes`, in its own transaction; figures are kept
 * with the snapshot they were computed from, and are fresh while no recorded change of their
 * départements is invisible to that snapshot (`figures_fresh`). A request checks that in one
 * statement, so a read that starts after a write has committed never gets figures without it.
 *
 * Figures live in this instance's memory and in `figure_cache`, which every instance shares: an
 * instance that has not computed them yet reads them there. Requests of one instance that miss at
 * the same time share one computation, then check it is fresh for them too.
 */
@Injectable()
export class FigureCache {
  private readonly logger = new Logger(FigureCache.name);
  private readonly memory = new Map<string, Entry>();
  private memoryBytes = 0;
  private readonly computing = new Map<string, Promise<Entry>>();
  private horizonCheckedAt = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The figures named `name` (which says everything they depend on beside the database: the request,
   * today's date, the settings) for `departements` (`null`: all), computed by `compute` when
   * neither this instance nor `figure_cache` holds a fresh copy.
   */
  async get(name: string, departements: string[] | null, compute: () => Promise<unknown>): Promise<CachedFigures> {
    const key = `${FORMAT}:${departements?.join('+') ?? '*'}:${name}`;
    const known = this.memory.get(key);
    if (known && (await this.fresh(departements, known.snapshot))) return this.remember(key, known);
    const [shared] = await sqlRows<{ snapshot: string; payload: string; etag: string }>(
      this.db,
      `SELECT snapshot::text AS snapshot, payload, etag FROM figure_cache
       WHERE cache_key = $1 AND figures_fresh($2::text[], snapshot)`,
      [key, departements],
    );
    if (shared) return this.remember(key, { ...shared, body: Buffer.from(shared.payload) });
    const pending = this.computing.get(key);
    if (pending) {
      // Started before this request: its snapshot may predate a write this request must see.
      const entry = await pending.catch(() => null);
      if (entry && (await this.fresh(departements, entry.snapshot))) return entry;
    }
    const computation = this.compute(key, compute);
    this.computing.set(key, computation);
    try {
      return this.remember(key, await computation);
    } finally {
      if (this.computing.get(key) === computation) this.computing.delete(key);
    }
  }

  private async fresh(departements: string[] | null, snapshot: string): Promise<boolean> {
    const [row] = await sqlRows<{ fresh: boolean }>(
      this.db,
      'SELECT figures_fresh($1::text[], $2::pg_snapshot) AS fresh',
      [departements, snapshot],
    );
    return row.fresh;
  }

  private async compute(key: string, compute: () => Promise<unknown>): Promise<Entry> {
    await this.advanceHorizon();
    // Taken before the figures are read: they hold at least what this snapshot sees.
    const [{ snapshot }] = await sqlRows<{ snapshot: string }>(
      this.db,
      'SELECT pg_current_snapshot()::text AS snapshot',
      [],
    );
    const json = JSON.stringify(await compute());
    // Weak: the same tag whatever the encoding the figures are sent with.
    const etag = `W/"f-${createHash('sha1').update(json).digest('base64url')}"`;
    await sqlRows(
      this.db,
      `INSERT INTO figure_cache (cache_key, snapshot, payload, etag, computed_at) VALUES ($1, $2::pg_snapshot, $3, $4, now())
       ON CONFLICT (cache_key) DO UPDATE SET snapshot = excluded.snapshot, payload = excluded.payload,
         etag = excluded.etag, computed_at = excluded.computed_at
       WHERE pg_snapshot_xmin(figure_cache.snapshot) <= pg_snapshot_xmin(excluded.snapshot)`,
      [key, snapshot, json, etag],
    );
    return { snapshot, body: Buffer.from(json), etag };
  }

  /**
   * At most hourly (one instance wins), trims the change log: changes of transactions older than
   * every running one are deleted, and figures computed before them become stale.
   */
  private async advanceHorizon(): Promise<void> {
    if (Date.now() - this.horizonCheckedAt < HORIZON_EVERY_MS) return;
    this.horizonCheckedAt = Date.now();
    const moved = await sqlRows<{ horizon: string }>(
      this.db,
      `UPDATE figure_cache_horizon SET horizon = pg_snapshot_xmin(pg_current_snapshot()), advanced_at = now()
       WHERE advanced_at < now() - make_interval(secs => $1) RETURNING horizon::text`,
      [HORIZON_EVERY_MS / 1000],
    );
    if (moved.length === 0) return;
    await sqlRows(this.db, 'DELETE FROM figure_changes WHERE xid < $1::xid8', [moved[0].horizon]);
    await sqlRows(this.db, 'DELETE FROM figure_cache WHERE pg_snapshot_xmin(snapshot) < $1::xid8', [moved[0].horizon]);
    this.logger.log({ msg: 'figure change log trimmed', horizon: moved[0].horizon });
  }

  /** Keeps `entry` as the most recently used, within the memory bounds. */
  private remember(key: string, entry: Entry): Entry {
    const previous = this.memory.get(key);
    if (previous) {
      this.memory.delete(key);
      this.memoryBytes -= previous.body.length;
    }
    this.memory.set(key, entry);
    this.memoryBytes += entry.body.length;
    for (const [oldest, old] of this.memory) {
      if (this.memory.size <= MEMORY_ENTRIES && this.memoryBytes <= MEMORY_BYTES) break;
      this.memory.delete(oldest);
      this.memoryBytes -= old.body.length;
    }
    return entry;
  }
}
