import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { SessionLookup } from '../common/auth/session-lookup';
import { AccountSecurity } from '../users/account-security';
import { User } from '../users/user.entity';
import { AuthAccountSecurity } from './auth-account-security';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { Session } from './session.entity';
import { SessionsService } from './sessions.service';

/**
 * Global: the guard everywhere needs its `SessionLookup`, and account management its
 * `AccountSecurity` (ports declared in common/ and users/, implemented here).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Session, User])],
  controllers: [AuthController],
  providers: [
    AuthService,
    LoginThrottle,
    PasswordHasher,
    SessionsService,
    { provide: SessionLookup, useExisting: SessionsService },
    { provide: AccountSecurity, useClass: AuthAccountSecurity },
  ],
  exports: [PasswordHasher, SessionsService, SessionLookup, AccountSecurity],
})
export class AuthModule {}
