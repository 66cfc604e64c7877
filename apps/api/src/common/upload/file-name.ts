import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

// eslint-disable-next-line no-control-regex -- removing these very characters
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** The name of an uploaded file as the user's computer gave it: control characters removed. */
export function IsFileName() {
  const message = 'fileName : le nom du fichier est obligatoire.';
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(CONTROL, '').trim() : value,
    ),
    IsString({ message }),
    MinLength(1, { message }),
    MaxLength(255, { message: 'fileName : 255 caractères au plus.' }),
  );
}
