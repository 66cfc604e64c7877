import { StreamableFile } from '@nestjs/common';

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A generated file, as services return it. */
export interface GeneratedFile {
  filename: string;
  body: Buffer;
}

/** The file as an attachment of the given type, with its length. */
export function download(file: GeneratedFile, type: string): StreamableFile {
  return new StreamableFile(file.body, {
    type,
    disposition: `attachment; filename="${file.filename}"`,
    length: file.body.length,
  });
}
