import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { HttpErrorFilter } from '../errors/http-error.filter';
import { redactUrl } from './log-redaction';

const filter = new HttpErrorFilter();
const logger = new Logger('Request');

/**
 * Answers the errors of the request-level middleware (body parser, URL checks, If-Match, the
 * same-origin check) with the usual error body, before any route runs. The security headers
 * are already set; the line logged never holds the body or the query values.
 */
export function requestErrors(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  const body = filter.toBody(error);
  const line = {
    msg: 'request refused',
    method: req.method,
    url: redactUrl(req.originalUrl),
    statusCode: body.statusCode,
  };
  if (body.statusCode >= 500) logger.error({ ...line, err: error instanceof Error ? error.message : String(error) });
  else logger.warn(line);
  res.status(body.statusCode).json(body);
}
