import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

import { AppConfig } from '../config/app-config';

/** The answer to a throttled login: 429, `Retry-After`, a French message. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      `Trop de tentatives de connexion : réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Login throttling kept in PostgreSQL (`login_throttle`), so that every instance counts the same
 * failures. Only failures count; a success clears the account's counters. Three counters:
 * - address + account: the guesses of one source at one account (LOGIN_RATE_LIMIT);
 * - address: one source trying many accounts (LOGIN_ADDRESS_LIMIT);
 * - account: many sources at one account (LOGIN_ACCOUNT_LIMIT) — applied only to the sources
 *   that have failed on this account, so an attacker cannot lock its owner out.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly bySourceAndAccount: RateLimiterPostgres;
  private readonly bySource: RateLimiterPostgres;
  private readonly byAccount: RateLimiterPostgres;

  constructor(@InjectDataSource() db: DataSource, config: AppConfig) {
    const pool = (db.driver as PostgresDriver).master as object;
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: 'login_throttle',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration: config.LOGIN_RATE_WINDOW_SECONDS,
      });
    this.bySourceAndAccount = limiter('login_ip_account', config.LOGIN_RATE_LIMIT);
    this.bySource = limiter('login_ip', config.LOGIN_ADDRESS_LIMIT);
    this.byAccount = limiter('login_account', config.LOGIN_ACCOUNT_LIMIT);
  }

  /** Throws 429 when this source may not try this account now. */
  async check(ip: string, email: string): Promise<void> {
    const [pair, source, account] = await Promise.all([
      this.bySourceAndAccount.get(pairKey(ip, email)),
      this.bySource.get(ip),
      this.byAccount.get(accountKey(email)),
    ]);
    const blocked = [
      over(pair, this.bySourceAndAccount.points),
      over(source, this.bySource.points),
      // The account's own counter only stops sources that already failed on it.
      pair !== null && pair.consumedPoints > 0 ? over(account, this.byAccount.points) : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length === 0) return;
    const wait = Math.max(...blocked.map((r) => Math.ceil(r.msBeforeNext / 1000)), 1);
    this.logger.warn({ msg: 'login throttled', ip, retryAfterSeconds: wait });
    throw new TooManyAttemptsException(wait);
  }

  /** Counts a failed attempt on the three counters. */
  async failed(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.bySourceAndAccount.penalty(pairKey(ip, email)),
      this.bySource.penalty(ip),
      this.byAccount.penalty(accountKey(email)),
    ]);
  }

  /** A successful login: the account's counters start again from zero. */
  async succeeded(ip: string, email: string): Promise<void> {
    await Promise.all([this.bySourceAndAccount.delete(pairKey(ip, email)), this.byAccount.delete(accountKey(email))]);
  }
}

/** Keys hold a hash of the e-mail, never the e-mail itself (and stay within 255 characters). */
function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('hex');
}

function pairKey(ip: string, email: string): string {
  return `${ip.slice(0, 100)}|${accountKey(email)}`;
}

function over(res: RateLimiterRes | null, points: number): RateLimiterRes | null {
  return res !== null && res.consumedPoints >= points ? res : null;
}
