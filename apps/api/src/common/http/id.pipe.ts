import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Route ids are uuids; anything else is a 400 with a readable message, not a database error. */
export const ParseIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestException('id : identifiant invalide (uuid attendu).'),
});
