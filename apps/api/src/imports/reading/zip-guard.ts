import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

import { DomainException } from '../../common/errors/domain-exception';
import { frenchSize } from '../../common/upload/receive-upload';

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size above which an entry is a bomb, not a spreadsheet. */
  maxRatio: number;
}

export const XLSX_ZIP_LIMITS: Omit<ZipLimits, 'maxUncompressedBytes'> = { maxEntries: 2000, maxRatio: 200 };

const BROKEN = 'Classeur XLSX illisible : le fichier est incomplet ou endommagé. Rien n’a été importé.';
const bomb = (why: string) =>
  new DomainException('BAD_INPUT', `Ce classeur n’est pas accepté (${why}) : il ressemble à une « bombe » ZIP.`);

/** Reads an entry to the end, counting bytes: yauzl stops when it inflates past its declared size. */
async function drain(stream: Readable): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

/**
 * Checks an XLSX (a ZIP archive) before anything unzips it for real: number of entries, declared
 * sizes and ratios, then every entry inflated once and counted, so that an archive that lies
 * about its sizes is caught too. Also checks that it is an Excel workbook.
 */
export async function checkXlsxArchive(path: string, limits: ZipLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw new DomainException('BAD_INPUT', BROKEN);
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw bomb(`${zip.entryCount} fichiers dans l’archive`);
    let declared = 0;
    let actual = 0;
    let workbook = false;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === 'xl/workbook.xml') workbook = true;
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) {
        throw bomb(`plus de ${frenchSize(limits.maxUncompressedBytes)} une fois décompressé`);
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
        throw bomb(`taux de compression de ${Math.round(ratio)} pour 1`);
      }
      if (entry.fileName.endsWith('/')) continue;
      try {
        actual += await drain(await zip.openReadStreamPromise(entry));
      } catch (error) {
        // yauzl stops an entry that inflates past the size it declares.
        if (/too many bytes/i.test((error as Error).message)) throw bomb('un fichier ment sur sa taille');
        throw new DomainException('BAD_INPUT', BROKEN);
      }
      if (actual > limits.maxUncompressedBytes) {
        throw bomb(`plus de ${frenchSize(limits.maxUncompressedBytes)} une fois décompressé`);
      }
    }
    if (!workbook) {
      throw new DomainException(
        'BAD_INPUT',
        'Cette archive ZIP n’est pas un classeur Excel (.xlsx) : envoyez un fichier XLSX ou CSV.',
      );
    }
  } catch (error) {
    if (error instanceof DomainException) throw error;
    throw new DomainException('BAD_INPUT', BROKEN);
  } finally {
    zip.close();
  }
}
