import type { DocumentType } from '@maillage/shared/domain';

/** What the bytes are: an accepted type, `ole` (a Word/Excel/PowerPoint 97-2003 file), or nothing accepted. */
export type DetectedType = DocumentType | 'ole' | null;

/** The first bytes and the last ones are all detection needs (zip entries are listed at the end). */
const HEAD_BYTES = 4096;
const TAIL_BYTES = 1024 * 1024;

const OLE_TYPES: readonly DocumentType[] = ['doc', 'xls', 'ppt'];
const ZIP_TYPES: readonly DocumentType[] = ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp'];
const OPEN_DOCUMENT: Readonly<Record<string, DocumentType>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};
/** The main part of each Office Open XML type, beside `[Content_Types].xml`. */
const OOXML_PARTS: readonly [DocumentType, string][] = [
  ['docx', 'word/'],
  ['xlsx', 'xl/'],
  ['pptx', 'ppt/'],
];

const startsWith = (buffer: Buffer, bytes: readonly number[], offset = 0) =>
  buffer.length >= offset + bytes.length && bytes.every((b, i) => buffer[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The family a file's first bytes announce, before the end of the upload. */
export type Signature = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'ole' | null;

export function signatureOf(head: Buffer): Signature {
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return null;
}

/** The signature a claimed type must show. */
export function signatureFor(type: DocumentType): Signature {
  if (OLE_TYPES.includes(type)) return 'ole';
  if (ZIP_TYPES.includes(type)) return 'zip';
  return type as Signature;
}

/** Whether bytes detected as `detected` may be stored as `claimed`. */
export function contentMatches(claimed: DocumentType, detected: DetectedType): boolean {
  return detected === claimed || (detected === 'ole' && OLE_TYPES.includes(claimed));
}

/**
 * Recognises a file from its content as it streams by: it keeps the first 4 KiB and the last
 * 1 MiB. Zip-based documents are told apart by their entries: OpenDocument by its leading
 * `mimetype` entry, Office Open XML by `[Content_Types].xml` and its main folder in the central
 * directory (read from the end of the file). A zip whose directory does not fit the tail, or a
 * ZIP64, is not recognised.
 */
export class ContentSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private size = 0;

  push(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    const joined = this.tail.length + chunk.length > TAIL_BYTES ? Buffer.concat([this.tail, chunk]) : null;
    this.tail = joined ? joined.subarray(joined.length - TAIL_BYTES) : Buffer.concat([this.tail, chunk]);
  }

  /** What the first bytes announce (enough to refuse most mismatches early). */
  signature(): Signature | undefined {
    return this.head.length >= 16 || this.size > 0 ? signatureOf(this.head) : undefined;
  }

  /** Once every byte was pushed. */
  detect(): DetectedType {
    const signature = signatureOf(this.head);
    if (signature !== 'zip') return signature;
    return openDocumentType(this.head) ?? officeOpenXmlType(zipEntryNames(this.tail, this.size));
  }
}

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the media type. */
function openDocumentType(head: Buffer): DocumentType | null {
  if (head.length < 30) return null;
  const method = head.readUInt16LE(8);
  const size = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  if (method !== 0 || head.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  return OPEN_DOCUMENT[head.toString('latin1', start, start + size)] ?? null;
}

function officeOpenXmlType(names: string[] | null): DocumentType | null {
  if (!names?.includes('[Content_Types].xml')) return null;
  return OOXML_PARTS.find(([, folder]) => names.some((n) => n.startsWith(folder)))?.[0] ?? null;
}

/** The entry names of the central directory, read from the file's last bytes; `null` if unreadable. */
export function zipEntryNames(tail: Buffer, fileSize: number): string[] | null {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes.
  const stop = Math.max(0, tail.length - 22 - 65_535);
  let end = -1;
  for (let i = tail.length - 22; i >= stop; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = tail.readUInt16LE(end + 10);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directoryOffset === 0xffffffff || count === 0xffff) return null; // ZIP64
  let at = directoryOffset - (fileSize - tail.length);
  if (at < 0) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > tail.length || tail.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = tail.readUInt16LE(at + 28);
    const extraLength = tail.readUInt16LE(at + 30);
    const commentLength = tail.readUInt16LE(at + 32);
    names.push(tail.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
