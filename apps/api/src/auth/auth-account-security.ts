import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AccountSecurity } from '../users/account-security';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

/** Argon2id hashes and server-side sessions, for account management (`users/`). */
@Injectable()
export class AuthAccountSecurity implements AccountSecurity {
  constructor(
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  endSessions(userId: string, manager: EntityManager): Promise<void> {
    return this.sessions.revokeAllFor(userId, manager);
  }
}
