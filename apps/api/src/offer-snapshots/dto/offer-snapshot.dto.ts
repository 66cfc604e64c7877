import type { OfferSnapshotInput } from '@maillage/shared/domain';
import { IsUUID, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { Omittable, Text } from '../../common/validation/rules';

const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const DEPARTEMENT_MESSAGE = 'departementCode : code de département attendu (ex. 77).';

/** Taken at today's date: a snapshot describes the data as they are, never a reconstructed past. */
export class CreateOfferSnapshotDto implements OfferSnapshotInput {
  @Text({ max: 200, min: 2, notText: 'le titre est obligatoire.' })
  title!: string;

  @Text({ max: 4000, presence: 'optional' })
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
