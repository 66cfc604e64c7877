import type { Params } from 'nestjs-pino';
import pino from 'pino';

import { redactUrl } from '../http/log-redaction';

interface LoggedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  user?: { id: string };
}

/** The signed-in user, added to the line when it is written (not a child logger per request). */
const withUser = (req: LoggedRequest, value: object) => ({ ...value, userId: req.user?.id });

/**
 * One JSON line per request (pino-http), kept cheap because it runs on every request
 * (docs/benchmarks.md):
 * - the request is its id, method and URL, the response its status: no headers, which pino would
 *   otherwise serialise (and redact) each time; secrets never reach the log;
 * - successful reads (GET, HEAD) are logged at `debug` (`LOG_LEVEL=debug` writes them; the reverse
 *   proxy keeps the access log), writes at `info`, client errors at `warn`, failures at `error`;
 * - lines are written asynchronously (several lines per write under load), flushed on exit.
 * Health checks are not logged. `level` is the configured `LOG_LEVEL`.
 */
export function requestLogging(level: string): Params['pinoHttp'] {
  return [
    {
      level,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      customLogLevel: (req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return req.method === 'GET' || req.method === 'HEAD' ? 'debug' : 'info';
      },
      // The raw request and response reach these serialisers (not pino's full copies of them).
      wrapSerializers: false,
      serializers: {
        // Query values may be searched names or e-mails: only their names are logged.
        req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: redactUrl(req.originalUrl ?? req.url) }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessObject: (req, _res, value: object) => withUser(req as LoggedRequest, value),
      customErrorObject: (req, _res, _error, value: object) => withUser(req as LoggedRequest, value),
    },
    pino.destination({ dest: 1, sync: false }),
  ];
}
