import {
  DOCUMENT_TYPES,
  type DocumentType,
  documentTypeOfMediaType,
  documentTypeOfName,
} from '@maillage/shared/domain';
import { BadRequestException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

import { DocumentVersion } from '../document-version.entity';
import { contentMatches, ContentSniffer, type DetectedType, signatureFor } from './content-sniffer';
import { type IncomingFile, tooLarge } from './multipart-file';

/** Bytes per `document_chunks` row. */
export const CHUNK_BYTES = 256 * 1024;

const ACCEPTED =
  'PDF, images (PNG, JPEG, GIF, WebP), documents Word, Excel, PowerPoint (y compris 97-2003) et OpenDocument';
const bad = (message: string) => new BadRequestException(message);

/** A file name as shown and offered for download: no path, no control characters, 255 characters at most. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (base.length <= 255) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 255 - extension.length) + extension;
}

/** The type a file claims, by its name and its declared media type (which must agree). */
export function claimedType(fileName: string, mediaType: string): DocumentType {
  const byName = documentTypeOfName(fileName);
  const byMediaType = documentTypeOfMediaType(mediaType);
  if (!byName && !byMediaType) {
    throw bad(`Type de fichier non accepté (« ${fileName} »). Types acceptés : ${ACCEPTED}.`);
  }
  if (byName && byMediaType && byName !== byMediaType) {
    throw bad(
      `Le nom « ${fileName} » annonce un fichier ${DOCUMENT_TYPES[byName].label}, ` +
        `mais il est déclaré comme ${DOCUMENT_TYPES[byMediaType].label}.`,
    );
  }
  return (byName ?? byMediaType) as DocumentType;
}

function mismatch(fileName: string, claimed: DocumentType, detected: DetectedType): BadRequestException {
  const found =
    detected === null
      ? 'son contenu n’est pas d’un type reconnu'
      : `son contenu est de type ${detected === 'ole' ? 'Office 97-2003' : DOCUMENT_TYPES[detected].label}`;
  return bad(`« ${fileName} » n’est pas un fichier ${DOCUMENT_TYPES[claimed].label} valide : ${found}.`);
}

/**
 * Writes one version of a document from an upload stream, chunk by chunk, in the caller's
 * transaction: the row first, then its chunks, then its size, SHA-256 and media type. The content
 * must be of the claimed type (refused early when the first bytes already say otherwise);
 * anything wrong throws, and the caller's transaction stores nothing.
 */
export async function writeVersion(
  manager: EntityManager,
  file: IncomingFile,
  target: { documentId: string; number: number; uploadedById: string; maxBytes: number },
): Promise<DocumentVersion> {
  const fileName = cleanFileName(file.fileName);
  if (!fileName) throw bad('file : le fichier doit avoir un nom.');
  const claimed = claimedType(fileName, file.mediaType);
  const repo = manager.getRepository(DocumentVersion);
  const version = await repo.save(
    repo.create({
      documentId: target.documentId,
      number: target.number,
      fileName,
      mediaType: DOCUMENT_TYPES[claimed].mediaType,
      sizeBytes: 1,
      sha256: '0'.repeat(64),
      uploadedById: target.uploadedById,
    }),
  );
  const hash = createHash('sha256');
  const sniffer = new ContentSniffer();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  let checkedSignature = false;
  const flush = async (all: boolean) => {
    let buffer = Buffer.concat(pending);
    while (buffer.length >= CHUNK_BYTES || (all && buffer.length > 0)) {
      const data = buffer.subarray(0, CHUNK_BYTES);
      await manager.query('INSERT INTO document_chunks (version_id, seq, data) VALUES ($1, $2, $3)', [
        version.id,
        seq++,
        data,
      ]);
      buffer = buffer.subarray(data.length);
    }
    pending = buffer.length ? [buffer] : [];
    pendingBytes = buffer.length;
  };

  for await (const piece of file.chunks()) {
    if (file.truncated) throw tooLarge(target.maxBytes);
    size += piece.length;
    hash.update(piece);
    sniffer.push(piece);
    if (!checkedSignature && size >= 16) {
      checkedSignature = true;
      if (sniffer.signature() !== signatureFor(claimed)) throw mismatch(fileName, claimed, sniffer.detect());
    }
    pending.push(piece);
    pendingBytes += piece.length;
    if (pendingBytes >= CHUNK_BYTES) await flush(false);
  }
  if (file.truncated) throw tooLarge(target.maxBytes);
  if (size === 0) throw bad(`file : « ${fileName} » est vide.`);
  const detected = sniffer.detect();
  if (!contentMatches(claimed, detected)) throw mismatch(fileName, claimed, detected);
  await flush(true);
  version.sizeBytes = size;
  version.sha256 = hash.digest('hex');
  await repo.update({ id: version.id }, { sizeBytes: size, sha256: version.sha256 });
  return version;
}
