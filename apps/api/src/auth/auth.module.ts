import { Global, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SessionLookup } from '../common/auth/session-lookup';
import { AppConfig } from '../config/app-config';
import { AccountSecurity } from '../users/account-security';
import { User } from '../users/user.entity';
import { AuthAccountSecurity } from './auth-account-security';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

/**
 * Global: the guard everywhere needs its `SessionLookup`, and account management its
 * `AccountSecurity` (ports declared in common/ and users/, implemented here).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Session, User]),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', limit: config.LOGIN_RATE_LIMIT, ttl: config.LOGIN_RATE_WINDOW_SECONDS * 1000 }],
        errorMessage: 'Trop de tentatives de connexion : réessayez dans une minute.',
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordHasher,
    SessionsService,
    { provide: SessionLookup, useExisting: SessionsService },
    { provide: AccountSecurity, useClass: AuthAccountSecurity },
  ],
  exports: [PasswordHasher, SessionsService, SessionLookup, AccountSecurity],
})
export class AuthModule {}
