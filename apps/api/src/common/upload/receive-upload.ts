import { PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { DomainException } from '../errors/domain-exception';

export interface ReceivedFile {
  path: string;
  size: number;
  /** Removes the temporary file (safe to call twice). */
  discard(): Promise<void>;
}

const UPLOAD_DIR = join(tmpdir(), 'maillage-uploads');

/** « 20 Mo », « 2 Go »: sizes as French users read them. */
export function frenchSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024
    ? `${(mb / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Go`
    : `${Math.round(mb)} Mo`;
}

/**
 * Closes the connection once the answer is sent, so that the server does not read (and throw
 * away) the rest of a body it refused.
 */
export function closeAfterAnswer(res: Response): void {
  if (res.headersSent) return;
  res.setHeader('Connection', 'close');
  res.once('finish', () => res.req.socket?.destroy());
}

/** A 413 that also closes the connection. */
export function tooLarge(res: Response, maxBytes: number): PayloadTooLargeException {
  closeAfterAnswer(res);
  return new PayloadTooLargeException(`Le fichier dépasse la taille autorisée (${frenchSize(maxBytes)}).`);
}

/** The declared size of the body, before reading it (a 2 GB file is refused at once). */
export function checkDeclaredSize(req: Request, res: Response, maxBytes: number): number | null {
  const declared = req.headers['content-length'];
  if (declared === undefined) return null;
  const size = Number(declared);
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new DomainException('BAD_INPUT', 'En-tête Content-Length invalide.');
  }
  if (size > maxBytes) throw tooLarge(res, maxBytes);
  return size;
}

/** Refuses what is not a raw file body: a form, or a JSON body already read by the JSON parser. */
function checkRawBody(req: Request): void {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/')) {
    throw new DomainException(
      'BAD_INPUT',
      'Envoyez le fichier tel quel dans le corps de la requête (Content-Type du fichier), pas dans un formulaire.',
    );
  }
  if (req.readableEnded || type.startsWith('application/json')) {
    throw new DomainException(
      'BAD_INPUT',
      'Envoyez le fichier tel quel dans le corps de la requête, avec un Content-Type comme application/octet-stream.',
    );
  }
}

/** Counts the bytes that pass and stops the stream past `maxBytes`. */
function sizeLimit(maxBytes: number, onProgress?: (bytes: number) => void): Transform & { bytes: number } {
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (counter.bytes > maxBytes) return callback(new UploadTooLargeError());
      onProgress?.(counter.bytes);
      callback(null, chunk);
    },
  }) as Transform & { bytes: number };
  counter.bytes = 0;
  return counter;
}

class UploadTooLargeError extends Error {}

/**
 * Streams the request body (the file itself, not a multipart form) to a temporary file, with a
 * size limit checked on the declared length first, then on the bytes received. Nothing is kept
 * in memory; the caller discards the file when done.
 */
export async function receiveUpload(req: Request, res: Response, maxBytes: number): Promise<ReceivedFile> {
  checkDeclaredSize(req, res, maxBytes);
  checkRawBody(req);
  await mkdir(UPLOAD_DIR, { recursive: true });
  const path = join(UPLOAD_DIR, `${randomUUID()}.upload`);
  const discard = () => rm(path, { force: true });
  const counter = sizeLimit(maxBytes);
  try {
    await pipeline(req, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard();
    if (error instanceof UploadTooLargeError) throw tooLarge(res, maxBytes);
    throw new DomainException('BAD_INPUT', 'L’envoi du fichier a été interrompu : recommencez.');
  }
  if (counter.bytes === 0) {
    await discard();
    throw new DomainException('BAD_INPUT', 'Le fichier envoyé est vide.');
  }
  return { path, size: counter.bytes, discard };
}

export { sizeLimit, UploadTooLargeError };
