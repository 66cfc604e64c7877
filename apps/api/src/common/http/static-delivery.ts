import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { filesBelow, worthCompressing } from './web-files';

/** Files whose name carries a content hash (`main-ABCD1234.js`, `media/roboto-…-AB12CD34.woff2`). */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface StaticFile {
  type: string;
  cacheControl: string;
  etag: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

/**
 * The built dashboard, read once at start and served from memory: hashed files for a year
 * (`immutable`), anything else (index.html) revalidated on every use (`no-cache`, ETag → 304);
 * brotli or gzip when the browser accepts it, from the `.br` and `.gz` files written at build time
 * (tools/scripts/web-postbuild.ts), compressed here when a build lacks them. Paths without a file
 * extension are the dashboard's own routes: they get index.html.
 */
export function staticDelivery(root: string): RequestHandler {
  const files = loadFiles(root);
  const index = files.get('/index.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      return next();
    }
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = files.get(path) ?? (extname(path) === '' ? index : undefined);
    if (!file) return next();
    const encoding = acceptedEncoding(req.headers['accept-encoding'], { br: !!file.br, gzip: !!file.gzip });
    const body = encoding === 'br' ? file.br : encoding === 'gzip' ? file.gzip : file.identity;
    const etag = encoding === 'identity' ? file.etag : `${file.etag.slice(0, -1)}-${encoding}"`;
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('ETag', etag);
    if (file.br || file.gzip) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding !== 'identity') res.setHeader('Content-Encoding', encoding);
    if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', String((body as Buffer).length));
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * Compresses API responses above 1 kB (JSON lists, reports) for clients that accept it. A request
 * without `Accept-Encoding` (scripts, API clients) skips the middleware altogether.
 */
export function apiCompression(): RequestHandler {
  const compress = compression({
    threshold: 1024,
    filter: (req, res) => req.path.startsWith('/api/') && compression.filter(req, res),
  });
  return (req, res, next) => (req.headers['accept-encoding'] ? compress(req, res, next) : next());
}

/**
 * Static files and API compression: called once, after the security headers, before the routes.
 * Express's own entity tags are off: it would hash every JSON response (a measurable share of a
 * list's cost) for conditional requests the dashboard does not make; responses that are worth
 * revalidating set their own tag (cached figures, a professional's version, static files).
 */
export function useWebDelivery(app: INestApplication, webRoot: string | null): void {
  (app as NestExpressApplication).set('etag', false);
  app.use(apiCompression());
  if (webRoot) app.use(staticDelivery(webRoot));
}

/** The encoding to answer with: brotli, else gzip, when the client accepts it and it is available. */
export function acceptedEncoding(
  header: string | undefined,
  available: { br: boolean; gzip: boolean },
): 'br' | 'gzip' | 'identity' {
  if (!header || (!available.br && !available.gzip)) return 'identity';
  const accepted = new Map(
    header.split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return [name, q === undefined ? 1 : Number(q)] as const;
    }),
  );
  const quality = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (available.br && quality('br') > 0) return 'br';
  if (available.gzip && quality('gzip') > 0) return 'gzip';
  return 'identity';
}

function loadFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const path of filesBelow(root)) {
    const extension = extname(path);
    if (extension === '.br' || extension === '.gz') continue;
    const url = `/${relative(root, path).split(sep).join('/')}`;
    const identity = readFileSync(path);
    const compressible = worthCompressing(path, identity.length);
    files.set(url, {
      type: TYPES[extension] ?? 'application/octet-stream',
      cacheControl: HASHED.test(url) ? IMMUTABLE : 'no-cache',
      etag: `"${createHash('sha1').update(identity).digest('base64url')}"`,
      identity,
      br: compressible ? precompressed(`${path}.br`, () => brotli(identity)) : undefined,
      gzip: compressible ? precompressed(`${path}.gz`, () => gzipSync(identity, { level: 9 })) : undefined,
    });
  }
  return files;
}

function precompressed(path: string, make: () => Buffer): Buffer {
  return existsSync(path) ? readFileSync(path) : make();
}

const brotli = (content: Buffer) => brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } });
