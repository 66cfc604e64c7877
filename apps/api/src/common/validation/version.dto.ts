import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../http/limits';

import { NumberAtMost, Omittable } from './rules';

/**
 * Optimistic locking (API.md): a write names the version the client last read, in the body or
 * in the `If-Match` header (copied into `version` by `ifMatchToVersion`); a stale one is a 409.
 */
export const VERSION_REQUIRED = 'la version lue est obligatoire (nombre entier, dans le corps ou l’en-tête If-Match).';
const VERSION_NUMBER = 'nombre entier attendu.';

/** The version the client last read: mandatory. */
export class VersionDto {
  @IsInt({ message: VERSION_REQUIRED })
  @Min(1, { message: VERSION_REQUIRED })
  @NumberAtMost(INT32_MAX, VERSION_MAX_MESSAGE)
  version!: number;
}

/** The version the client last read, if it has one: without it, the current one is used (archive, restore). */
export class OptionalVersionDto {
  @Omittable()
  @IsInt({ message: VERSION_NUMBER })
  @Min(1, { message: VERSION_NUMBER })
  @NumberAtMost(INT32_MAX, VERSION_MAX_MESSAGE)
  version?: number;
}

/** Documents `If-Match` on a route that takes a version. */
export function ApiIfMatch() {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'La version lue (à la place de `version` dans le corps), ex. "3".',
    }),
  );
}
