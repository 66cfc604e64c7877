import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';

/** A file being received: read `chunks()` to the end, or stop by throwing (the rest is then drained). */
export interface IncomingFile {
  fileName: string;
  /** The part's declared Content-Type (a claim, checked against the content). */
  mediaType: string;
  chunks(): AsyncIterable<Buffer>;
  /** Whether the size limit was reached: the stream was cut there. */
  readonly truncated: boolean;
}

/** Room for the multipart envelope around the file (boundaries, part headers). */
const ENVELOPE_BYTES = 64 * 1024;

export function tooLarge(maxBytes: number): PayloadTooLargeException {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new PayloadTooLargeException(`Le fichier dépasse la taille maximale autorisée (${mb} Mo).`);
}

const bad = (message: string) => new BadRequestException(message);

/**
 * Reads a `multipart/form-data` request holding one file in the field `file`, and hands it to
 * `consume` as a stream: nothing is buffered beyond a chunk. Resolves with what `consume`
 * returned once the whole request was read; rejects with 400 (malformed request, no file, other
 * fields) or 413 (larger than `maxBytes`, refused at once when `Content-Length` already says so).
 * Call it inside the transaction that stores the file, so that a rejection stores nothing.
 */
export function readMultipartFile<T>(
  req: Request,
  maxBytes: number,
  consume: (file: IncomingFile) => Promise<T>,
): Promise<T> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) return Promise.reject(tooLarge(maxBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: 1, fileSize: maxBytes, fields: 0, headerPairs: 20 },
    });
  } catch {
    return Promise.reject(
      bad('La requête doit être envoyée en multipart/form-data, avec le fichier dans le champ « file ».'),
    );
  }
  return new Promise<T>((resolve, reject) => {
    let work: Promise<T> | null = null;
    let problem: Error | null = null;
    const refuse = (error: Error) => (problem ??= error);

    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        refuse(bad(`Le champ « ${name} » n’est pas attendu : envoyez le fichier dans le champ « file ».`));
        stream.resume();
        return;
      }
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      const file: IncomingFile = {
        fileName: info.filename ?? '',
        mediaType: info.mimeType,
        // Not destroyed when the reader stops early: busboy ends only once every file stream has ended.
        chunks: () => stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>,
        get truncated() {
          return truncated || stream.truncated === true;
        },
      };
      work = consume(file);
      // Whatever happens, read the rest so that the request ends and the answer can go.
      work.catch(() => stream.resume());
    });
    parser.on('fieldsLimit', () => refuse(bad('Seul le fichier est attendu (champ « file ») : aucun autre champ.')));
    parser.on('filesLimit', () => refuse(bad('Un seul fichier à la fois (champ « file »).')));
    parser.on('error', () => {
      req.unpipe(parser);
      reject(bad('Le contenu multipart de la requête est mal formé.'));
    });
    parser.on('close', () => {
      if (!work) return reject(problem ?? bad('file : joignez un fichier (champ « file »).'));
      work.then(
        (value) => (problem ? reject(problem) : resolve(value)),
        (error: unknown) => reject(problem ?? error),
      );
    });
    req.on('aborted', () => reject(bad('Envoi interrompu.')));
    req.pipe(parser);
  });
}
