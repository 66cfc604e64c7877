import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';

import { RETRY_AFTER_SECONDS } from '../errors/database-errors';
import { isBulkRequest } from './bulk-routes';
import { redactUrl } from './log-redaction';

/** What the rest of the request can ask: did the client already get its 503? */
export interface RequestState {
  abandoned: boolean;
}

export const requestState = new AsyncLocalStorage<RequestState>();

/** True when the current request was answered 503 by its deadline: its writes must not commit. */
export function requestAbandoned(): boolean {
  return requestState.getStore()?.abandoned === true;
}

const logger = new Logger('RequestDeadline');

/**
 * Every API request is answered within `ms`: past it, a 503 with `Retry-After` (the database
 * is stalled or saturated), and the request is marked abandoned so that a transaction still
 * running for it is rolled back instead of committed (`RequestDeadlineSubscriber`). Bulk
 * requests (`bulk-routes.ts`) get `bulkMs` instead.
 */
export function requestDeadline(ms: number, bulkMs = ms): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/api/') || req.path === '/api/health') return next();
    const deadline = isBulkRequest(req.method, req.path) ? bulkMs : ms;
    const state: RequestState = { abandoned: false };
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      state.abandoned = true;
      logger.warn({ msg: 'request abandoned at its deadline', method: req.method, url: redactUrl(req.originalUrl) });
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Le service ne répond pas à temps : réessayez dans quelques instants.',
        code: 'UNAVAILABLE',
      });
    }, deadline);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    res.once('finish', () => clearTimeout(timer));
    requestState.run(state, next);
  };
}
