import chardet from 'chardet';

import { DomainException } from '../../common/errors/domain-exception';

/** Encodings a French office's spreadsheet exports come in (iconv-lite names). */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** A sample that ends inside a multi-byte UTF-8 character is cut before it. */
function trimIncompleteUtf8(sample: Buffer): Buffer {
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needed > back) end -= back;
    break;
  }
  return sample.subarray(0, end);
}

export function isValidUtf8(sample: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimIncompleteUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without byte order mark: ASCII text with every other byte zero. */
export function utf16WithoutBom(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

/** Well-formed multi-byte UTF-8 sequences (« é » written as C3 A9) in the sample. */
function utf8Sequences(sample: Buffer): number {
  let count = 0;
  for (let i = 0; i + 1 < sample.length; i++) {
    const b = sample[i];
    if (b >= 0xc2 && b <= 0xdf && (sample[i + 1] & 0xc0) === 0x80) {
      count++;
      i++;
    } else if (
      b >= 0xe0 &&
      b <= 0xef &&
      i + 2 < sample.length &&
      (sample[i + 1] & 0xc0) === 0x80 &&
      (sample[i + 2] & 0xc0) === 0x80
    ) {
      count++;
      i += 2;
    }
  }
  return count;
}

/**
 * The encoding of a text file from its first bytes: a byte order mark, else UTF-8 when the
 * sample is valid UTF-8, else Windows-1252 (what Excel writes as "CSV" on a French Windows) when
 * chardet agrees it is a single-byte Latin text. Anything else is refused in French.
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return utf16;
  if (isValidUtf8(sample)) return 'utf-8';
  if (utf8Sequences(sample) > 0) {
    throw new DomainException(
      'BAD_INPUT',
      'Le fichier mélange deux encodages (UTF-8 et Windows-1252) : ouvrez-le dans votre tableur et enregistrez-le en « CSV UTF-8 ».',
    );
  }
  const guess = (chardet.detect(sample) ?? '').toUpperCase();
  if (['ISO-8859-1', 'WINDOWS-1252', 'ISO-8859-15', 'ISO-8859-9', 'ISO-8859-2', 'WINDOWS-1250'].includes(guess)) {
    return 'windows-1252';
  }
  throw new DomainException(
    'BAD_INPUT',
    `Encodage du fichier non reconnu${guess ? ` (${guess})` : ''} : enregistrez-le en CSV UTF-8 ou en CSV Windows (point-virgule).`,
  );
}
