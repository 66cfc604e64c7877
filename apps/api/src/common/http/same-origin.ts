import { ForbiddenException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends the session cookie with a request another site makes it send (a hidden form,
 * a `text/plain` fetch). Writes that do not carry a Bearer token must come from a page of this
 * origin: `Sec-Fetch-Site` when the browser sends it, else `Origin`. Clients that send neither
 * are not browsers and are let through; Bearer clients are never concerned.
 */
export function sameOriginWrites(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return next();
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') {
    return next(fetchSite === 'same-origin' || fetchSite === 'none' ? undefined : crossSite());
  }
  const origin = req.headers.origin;
  if (origin === undefined) return next();
  // `req.host` and `req.protocol` follow X-Forwarded-* behind a trusted proxy (TRUST_PROXY).
  return next(origin === `${req.protocol}://${req.host}` ? undefined : crossSite());
}

function crossSite(): ForbiddenException {
  return new ForbiddenException('Requête refusée : elle provient d’un autre site que Maillage.');
}
