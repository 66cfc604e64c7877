import { hasPermission, type Permission } from '@maillage/shared/domain';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { PERMISSION_KEY, PUBLIC_KEY, SESSION_COOKIE } from './allow.decorator';
import type { AuthenticatedRequest } from './current-user.decorator';
import { SessionLookup } from './session-lookup';

/**
 * The global guard: deny by default. A route passes only if it is `@Public()`, or if the
 * caller has a live session (Bearer token or HttpOnly cookie) and a role that holds the
 * route's `@Allow` permission in the one permission map.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionLookup,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      this.logger.error(`Route without @Allow or @Public: ${context.getClass().name}.${context.getHandler().name}`);
      throw new ForbiddenException();
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = tokenOf(request);
    const resolved = token ? await this.sessions.resolve(token) : null;
    if (!resolved) throw new UnauthorizedException('Authentification requise.');
    request.user = resolved.user;
    request.sessionId = resolved.sessionId;
    if (!hasPermission(resolved.user.role, permission)) throw new ForbiddenException();
    return true;
  }
}

export function tokenOf(request: AuthenticatedRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || null;
  const cookies = request.cookies as Record<string, string> | undefined;
  return cookies?.[SESSION_COOKIE] ?? null;
}
