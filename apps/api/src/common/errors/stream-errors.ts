import type { ArgumentsHost, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

import { HttpErrorFilter } from './http-error.filter';

/** Headers of the file that no longer describe the answer once it is an error. */
const FILE_HEADERS = ['Content-Disposition', 'Content-Length', 'Content-Type', 'ETag', 'Last-Modified'];

const filter = new HttpErrorFilter();

/**
 * What a file answers when its stream fails: before anything was sent, the same JSON error as any
 * other route (503 with `Retry-After` when the database is unavailable) instead of Nest's default
 * "400 Bad Request"; once bytes are sent, the connection is cut so that the client sees an
 * incomplete download rather than a file that looks whole (the status line cannot change).
 */
export function answerStreamError(error: unknown, res: Response): void {
  if (res.destroyed || res.writableEnded) return;
  if (res.headersSent) {
    res.destroy(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  for (const header of FILE_HEADERS) res.removeHeader(header);
  filter.catch(error, { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost);
}

/** `file`, answering a failure of its stream with `answerStreamError`. */
export function withStreamErrors(file: StreamableFile): StreamableFile {
  return file.setErrorHandler((error, res) => answerStreamError(error, res as unknown as Response));
}
