import type { Response } from 'express';

/** The version as a strong ETag, so that clients may send it back in `If-Match`. */
export function withETag<T extends { version: number }>(res: Response, body: T): T {
  res.setHeader('ETag', `"${body.version}"`);
  return body;
}
