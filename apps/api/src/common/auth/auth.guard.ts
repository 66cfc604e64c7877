import type { Role } from '@maillage/shared/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { SessionsService } from '../../auth/sessions.service';
import type { AuthenticatedRequest } from './current-user.decorator';
import { PUBLIC_KEY, ROLES_KEY, SESSION_COOKIE } from './roles.decorator';

/**
 * The global guard: deny by default. A route passes only if it is `@Public()`, or if the
 * caller has a live session (Bearer token or HttpOnly cookie) and one of its `@Roles`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      this.logger.error(`Route without @Roles or @Public: ${context.getClass().name}.${context.getHandler().name}`);
      throw new ForbiddenException();
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = tokenOf(request);
    const resolved = token ? await this.sessions.resolve(token) : null;
    if (!resolved) throw new UnauthorizedException('Authentification requise.');
    request.user = resolved.user;
    request.sessionId = resolved.sessionId;
    if (!roles.includes(resolved.user.role)) throw new ForbiddenException();
    return true;
  }
}

export function tokenOf(request: AuthenticatedRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = request.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE] ?? null;
}
