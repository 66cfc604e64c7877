import type { OfferSnapshotInput } from '@maillage/shared/domain';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { PageQueryDto } from '../../common/http/page-query.dto';
import { Omittable, trim } from '../../sites/dto/field-rules';

const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const DEPARTEMENT_MESSAGE = 'departementCode : code de département attendu (ex. 77).';

/** Taken at today's date: a snapshot describes the data as they are, never a reconstructed past. */
export class CreateOfferSnapshotDto implements OfferSnapshotInput {
  @Transform(trim)
  @IsString({ message: 'title : le titre est obligatoire.' })
  @MinLength(2, { message: 'title : 2 caractères au moins.' })
  @MaxLength(200, { message: 'title : 200 caractères au plus.' })
  title!: string;

  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'note : texte attendu.' })
  @MaxLength(4000, { message: 'note : 4000 caractères au plus.' })
  note?: string | null;

  /** National administrators only. */
  @Omittable()
  @Matches(DEPARTEMENT, { message: DEPARTEMENT_MESSAGE })
  departementCode?: string;
}

export class ListOfferSnapshotsQuery extends PageQueryDto {
  @Omittable()
  @Matches(DEPARTEMENT, { message: 'departement : code de département attendu (ex. 77).' })
  departement?: string;
}

export class CompareSnapshotsQuery {
  @IsUUID('all', { message: 'a : identifiant de relevé (uuid) attendu.' })
  a!: string;

  @IsUUID('all', { message: 'b : identifiant de relevé (uuid) attendu.' })
  b!: string;
}

export class ArchiveVersionDto {
  /** The version last read, or `If-Match` (optional: the current one when omitted). */
  @Omittable()
  @IsInt({ message: 'version : nombre entier attendu.' })
  @Min(1, { message: 'version : nombre entier attendu.' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version?: number;
}
