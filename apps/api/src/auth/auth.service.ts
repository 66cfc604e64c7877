import type { LoginResponse } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { User } from '../users/user.entity';
import { PasswordHasher } from './password-hasher';
import { SessionsService, toAuthUser } from './sessions.service';

/** The same answer whether the email is unknown, the password wrong or the account inactive. */
const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async login(email: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<LoginResponse> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.isActive) {
      this.logger.warn({ msg: 'login refused', ip: meta.ip });
      throw new DomainException('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    await this.users.update({ id: user.id }, { lastLoginAt: new Date(), version: () => 'version' });
    const session = await this.sessions.open(user.id, meta);
    this.logger.log({ msg: 'login', userId: user.id });
    return { accessToken: session.token, expiresAt: session.expiresAt.toISOString(), user: toAuthUser(user) };
  }
}
