import type { Request, Response } from 'express';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { acceptedEncoding } from '../common/http/static-delivery';
import type { CachedFigures } from './figure-cache.service';

/**
 * Sends cached figures as they were serialised, with their entity tag (a request that sends it
 * back in `If-None-Match` gets a 304); compressed once per version for the browsers that accept
 * it, not on every request.
 */
export function sendFigures(req: Request, res: Response, figures: CachedFigures): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('ETag', figures.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const compressible = figures.body.length > 1024;
  const encoding = acceptedEncoding(req.headers['accept-encoding'], { br: compressible, gzip: compressible });
  let body = figures.body;
  if (encoding === 'br') {
    body = figures.br ??= brotliCompressSync(figures.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  } else if (encoding === 'gzip') {
    body = figures.gzip ??= gzipSync(figures.body, { level: 6 });
  }
  if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', String(body.length));
  res.status(200).end(body);
}
