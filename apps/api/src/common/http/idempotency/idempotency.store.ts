import type { DataSource } from 'typeorm';

export type KeyState = 'pending' | 'committed' | 'done';

export interface StoredKey {
  state: KeyState;
  request_hash: string;
  path: string;
  created_id: string | null;
  status_code: number | null;
  response: unknown;
  locked: boolean;
}

/** How long a key is remembered, and how long an attempt holds it before another may take over. */
export const KEY_TTL_HOURS = 24;
export const LOCK_SECONDS = 15;

/** The `idempotency_keys` table: one row per user and key, written in autocommit statements. */
export class IdempotencyStore {
  constructor(private readonly db: DataSource) {}

  /** Takes the key for this attempt: true when it was free (new, expired, or abandoned while pending). */
  async claim(userId: string, key: string, method: string, path: string, hash: string): Promise<boolean> {
    const rows = (await this.db.query(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', now() + make_interval(secs => $6), now() + make_interval(hours => $7))
       ON CONFLICT (user_id, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             state = 'pending', created_id = NULL, status_code = NULL, response = NULL,
             locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at, created_at = now()
         WHERE idempotency_keys.expires_at < now()
            OR (idempotency_keys.state = 'pending' AND idempotency_keys.locked_until < now()
                AND idempotency_keys.request_hash = EXCLUDED.request_hash)
       RETURNING 1`,
      [userId, key, method, path.slice(0, 500), hash, LOCK_SECONDS, KEY_TTL_HOURS],
    )) as unknown[];
    return rows.length === 1;
  }

  async find(userId: string, key: string): Promise<StoredKey | null> {
    const rows = (await this.db.query(
      `SELECT state, request_hash, path, created_id, status_code, response, locked_until > now() AS locked
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    )) as StoredKey[];
    return rows[0] ?? null;
  }

  async complete(userId: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_keys SET state = 'done', status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`,
      [userId, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  /** The attempt failed before anything was committed: the key is free again. */
  async release(userId: string, key: string): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND state = 'pending'`, [
      userId,
      key,
    ]);
  }

  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_keys WHERE expires_at < now()`);
  }
}
