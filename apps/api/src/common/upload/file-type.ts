import { open } from 'node:fs/promises';

/** What a file really is, from its first bytes (never from its name or declared type). */
export type SniffedType = 'zip' | 'text' | 'xls' | 'pdf' | 'image' | 'binary';

const SAMPLE_BYTES = 64 * 1024;

export async function readSample(path: string, bytes = SAMPLE_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function sniffType(sample: Buffer): SniffedType {
  const starts = (...bytes: number[]) => bytes.every((b, i) => sample[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'xls';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return 'image';
  // UTF-16 text starts with its byte order mark; other text has no NUL byte.
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'text';
  if (!sample.includes(0)) return 'text';
  return looksLikeUtf16(sample) ? 'text' : 'binary';
}

/** UTF-16 text without byte order mark: every other byte is zero (ASCII characters). */
function looksLikeUtf16(sample: Buffer): boolean {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  let zeros = [0, 0];
  for (let i = 0; i < pairs * 2; i++) if (sample[i] === 0) zeros[i % 2]++;
  zeros = zeros.sort((a, b) => a - b);
  return pairs >= 4 && zeros[0] === 0 && zeros[1] > pairs * 0.6;
}

/** The French name of what was sent instead of the expected file. */
export const SNIFFED_LABELS: Record<SniffedType, string> = {
  zip: 'une archive ZIP',
  text: 'un fichier texte',
  xls: 'un classeur Excel 97-2003 (.xls)',
  pdf: 'un document PDF',
  image: 'une image',
  binary: 'un fichier binaire',
};
