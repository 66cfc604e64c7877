import type { AuthUser, LoginResponse } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { passwordProblem } from '../common/auth/password-policy';
import { DomainException } from '../common/errors/domain-exception';
import { User } from '../users/user.entity';
import { toAuthUser } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

/** The same answer whether the email is unknown, the password wrong or the account inactive. */
const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(email: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<LoginResponse> {
    const normalized = email.trim().toLowerCase();
    const ip = meta.ip ?? 'unknown';
    await this.throttle.check(ip, normalized);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalized })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.isActive) {
      await this.throttle.failed(ip, normalized);
      this.logger.warn({ msg: 'login refused', ip: meta.ip });
      throw new DomainException('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(ip, normalized);
    await this.users.update({ id: user.id }, { lastLoginAt: new Date(), version: () => 'version' });
    const session = await this.sessions.open(user.id, meta);
    this.logger.log({ msg: 'login', userId: user.id });
    return { accessToken: session.token, expiresAt: session.expiresAt.toISOString(), user: toAuthUser(user) };
  }

  /**
   * A user changes their own password: the current one is required, the new one follows the
   * password rule, and every other session of the account ends (the current one goes on).
   */
  async changePassword(
    actor: AuthUser,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: actor.id })
      .getOneOrFail();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      this.logger.warn({ msg: 'password change refused: wrong current password', userId: user.id });
      throw new DomainException('BAD_INPUT', 'currentPassword : le mot de passe actuel est incorrect.');
    }
    if (newPassword === currentPassword) {
      throw new DomainException('BAD_INPUT', 'newPassword : choisissez un mot de passe différent de l’actuel.');
    }
    const problem = passwordProblem(newPassword, user);
    if (problem) throw new DomainException('BAD_INPUT', `newPassword : ${problem}`);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.users.manager.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash, version: () => 'version + 1' });
      await manager
        .getRepository(Session)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND revoked_at IS NULL AND id <> :sessionId', { userId: user.id, sessionId })
        .execute();
      await this.audit.record(manager, actor, {
        action: 'password_changed',
        entityType: 'user',
        entityId: user.id,
        departementCode: user.departementCode,
      });
    });
    this.logger.log({ msg: 'password changed', userId: user.id });
  }
}
