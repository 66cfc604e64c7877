import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';

import { isUploadRequest } from './bulk-routes';

/** Largest JSON body accepted (413 beyond). */
export const JSON_BODY_LIMIT = '1mb';
/** Deepest nesting of objects and arrays accepted in a body (400 beyond). */
export const MAX_JSON_DEPTH = 32;

/**
 * Bodies the API reads itself are JSON. These other types are left unparsed for the routes that
 * take files (imports); any other body is refused with 415 (an HTML form, `text/plain`…).
 */
const PASSTHROUGH_TYPES = ['multipart/form-data', 'text/csv', 'application/octet-stream'];
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;
const UTF8 = /^utf-?8$/;

const parseJson = json({ limit: JSON_BODY_LIMIT, strict: true, type: (req) => isJson(mediaTypeOf(req as Request)) });

function mediaTypeOf(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

function isJson(mediaType: string): boolean {
  return JSON_TYPE.test(mediaType);
}

function charsetOf(req: Request): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '');
  return match ? match[1].toLowerCase() : null;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * The one body parser of the API: JSON in UTF-8 only (415 for another charset, another type or
 * an unknown content encoding), 1 MB at most (413); the file uploads of `bulk-routes.ts` excepted, a JSON object or array at the top (400
 * for `null`, a number or a string), then `checkJsonValue` on what was parsed.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || isUploadRequest(req.method, req.path)) return next();
  const mediaType = mediaTypeOf(req);
  if (!isJson(mediaType)) {
    if (PASSTHROUGH_TYPES.includes(mediaType)) return next();
    return next(
      new UnsupportedMediaTypeException(
        `Type de contenu non pris en charge${mediaType ? ` (${mediaType})` : ''} : envoyez du JSON (application/json).`,
      ),
    );
  }
  const charset = charsetOf(req);
  if (charset !== null && !UTF8.test(charset)) {
    return next(
      new UnsupportedMediaTypeException(`Jeu de caractères non pris en charge (${charset}) : envoyez de l’UTF-8.`),
    );
  }
  parseJson(req, res, (error?: unknown) => {
    if (error) return next(error);
    const problem = checkJsonValue(req.body);
    next(problem ? new BadRequestException(problem) : undefined);
  });
}

/** Text that PostgreSQL and the validators refuse: U+0000 and unpaired UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The French reason a piece of text is refused, or null when it is acceptable. */
export function textProblem(text: string, where: string): string | null {
  if (NUL.test(text)) return `${where} : le caractère nul (U+0000) n’est pas accepté.`;
  if (LONE_SURROGATE.test(text)) return `${where} : le texte contient un caractère Unicode invalide.`;
  return null;
}

/**
 * Walks a parsed body without recursion: nesting deeper than `MAX_JSON_DEPTH` and text that
 * PostgreSQL cannot store (in values and in keys) are refused before any validation runs.
 */
export function checkJsonValue(root: unknown): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof value === 'string') {
      const problem = textProblem(value, path || 'corps de la requête');
      if (problem) return problem;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      return `Le corps de la requête est trop imbriqué (${MAX_JSON_DEPTH} niveaux au plus).`;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const problem = textProblem(key, 'nom de champ');
      if (problem) return problem;
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}

/** Query strings and path segments with U+0000 are refused before they reach a query. */
export const checkUrlText: RequestHandler = (req, _res, next) => {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(new BadRequestException('Adresse invalide : encodage des caractères incorrect.'));
  }
  const problem =
    textProblem(path, 'adresse') ??
    Object.entries(req.query).reduce<string | null>(
      (found, [key, value]) =>
        found ?? textProblem(`${key}=${Array.isArray(value) ? value.join(',') : String(value)}`, key),
      null,
    );
  next(problem ? new BadRequestException(problem) : undefined);
};
