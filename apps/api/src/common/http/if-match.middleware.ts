import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * API.md lets clients send the version they last read as `If-Match` instead of in the body.
 * The header becomes `body.version` before validation; a header and a body that disagree are refused.
 */
export function ifMatchToVersion(req: Request, _res: Response, next: NextFunction): void {
  const header = req.headers['if-match'];
  if (header === undefined || !['PATCH', 'POST', 'PUT', 'DELETE'].includes(req.method)) return next();
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match)
    return next(new BadRequestException('If-Match : la version attendue est un nombre entier, par exemple "3".'));
  const version = Number(match[1]);
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body['version'] !== undefined && body['version'] !== version) {
    return next(new BadRequestException('If-Match et version du corps de la requête ne concordent pas.'));
  }
  req.body = { ...body, version };
  next();
}
