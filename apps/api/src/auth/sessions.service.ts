import type { AuthUser } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';

import type { SessionLookup } from '../common/auth/session-lookup';
import { sqlRows } from '../common/persistence/sql';
import { AppConfig } from '../config/app-config';
import { Session } from './session.entity';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions: an opaque token for the client, its hash in the database. */
@Injectable()
export class SessionsService implements SessionLookup {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly config: AppConfig,
  ) {}

  async open(userId: string, meta: { ip?: string; userAgent?: string }) {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000);
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        tokenHash: hashToken(token),
        expiresAt,
        revokedAt: null,
        lastSeenAt: new Date(),
        ipAddress: meta.ip?.slice(0, 64) ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      }),
    );
    return { token, expiresAt, sessionId: session.id };
  }

  /**
   * The live session behind a token, with its user as it is now (role, active): neither revoked,
   * nor past its absolute end (SESSION_TTL_HOURS), nor idle for SESSION_IDLE_MINUTES. One
   * statement on the unique token-hash index, mapped without entities (it runs on every request);
   * the last activity is written at most once a minute, so reads stay reads.
   */
  async resolve(token: string): Promise<{ sessionId: string; user: AuthUser } | null> {
    const [row] = await sqlRows<AuthUser & { sessionId: string; idleMs: number }>(
      this.sessions.manager,
      `SELECT s.id AS "sessionId", u.id, u.email, u.display_name AS "displayName", u.role,
         u.departement_code AS "departementCode",
         (extract(epoch FROM now() - s.last_seen_at) * 1000)::float8 AS "idleMs"
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.is_active
         AND s.last_seen_at > now() - make_interval(mins => $2)`,
      [hashToken(token), this.config.SESSION_IDLE_MINUTES],
    );
    if (!row) return null;
    const { sessionId, idleMs, ...user } = row;
    if (idleMs > 60_000) await this.sessions.update({ id: sessionId }, { lastSeenAt: () => 'now()' });
    return { sessionId, user };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Ends every session of a user at once (deactivation, password change). */
  async revokeAllFor(userId: string, manager: EntityManager = this.sessions.manager): Promise<void> {
    await manager.getRepository(Session).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
