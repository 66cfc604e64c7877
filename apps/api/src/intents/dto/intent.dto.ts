import {
  DEPARTEMENT_CODE,
  INSEE_COMMUNE_CODE,
  INTENT_HORIZONS,
  INTENT_STATUSES,
  type IntentHorizon,
  type IntentStatus,
} from '@maillage/shared/domain';
import { IntersectionType, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsUUID, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsIsoDate, NotInFuture, Omittable, OneOf, QueryFlag, Text } from '../../common/validation/rules';
import { trim } from '../../common/validation/transforms';
import { VersionDto } from '../../common/validation/version.dto';

/** Body of `POST /api/installation-intents`. Without consent, names are never stored. */
export class CreateIntentDto {
  /** The doctor agreed to be named. */
  @IsBoolean({ message: 'consent : true ou false (la personne accepte-t-elle d’être nommée ?).' })
  consent!: boolean;

  /** Stored only with consent; otherwise used to compute the initials, then dropped. */
  @Text({ max: 100, presence: 'blank' })
  firstName?: string | null;

  @Text({ max: 100, presence: 'blank' })
  lastName?: string | null;

  /** Without consent and without names, e.g. "M.-C. D.". */
  @Transform(trim)
  @Omittable()
  @Matches(/^[\p{L}][\p{L}. -]{0,19}$/u, {
    message: 'initials : initiales attendues (lettres, points, tirets ; 20 caractères au plus).',
  })
  initials?: string;

  @Text({ max: 120, min: 2, notText: 'la spécialité est obligatoire.' })
  specialty!: string;

  @Text({ max: 120, presence: 'blank' })
  faculty?: string | null;

  /** INSEE codes of communes of the département. */
  @Omittable()
  @IsArray({ message: 'targetCommuneCodes : liste de codes INSEE attendue.' })
  @ArrayMaxSize(30, { message: 'targetCommuneCodes : 30 communes au plus.' })
  @ArrayUnique({ message: 'targetCommuneCodes : une commune apparaît deux fois.' })
  @Matches(INSEE_COMMUNE_CODE, { each: true, message: 'targetCommuneCodes : code INSEE à 5 caractères attendu.' })
  targetCommuneCodes?: string[];

  @OneOf(INTENT_HORIZONS)
  horizon!: IntentHorizon;

  @OneOf(INTENT_STATUSES, { presence: 'omittable', default: 'intention' })
  status?: IntentStatus;

  @Text({ max: 2000, presence: 'blank' })
  supportOffered?: string | null;

  /** The professional of the registry, once settled. */
  @IsOptional()
  @IsUUID('all', { message: 'professionalId : identifiant invalide (uuid attendu).' })
  professionalId?: string | null;

  /** Required with status `settled`. */
  @IsIsoDate('optional')
  @NotInFuture()
  settledOn?: string | null;

  /** Free notes: no health information. */
  @Text({ max: 2000, presence: 'blank' })
  notes?: string | null;

  /** Only for a national administrator. */
  @IsOptional()
  @Matches(DEPARTEMENT_CODE, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string;
}

export class UpdateIntentDto extends IntersectionType(
  PartialType(OmitType(CreateIntentDto, ['departementCode'] as const), { skipNullProperties: false }),
  VersionDto,
) {}

export class ListIntentsQuery extends PageQueryDto {
  @OneOf(INTENT_STATUSES, { presence: 'optional', each: true })
  status?: IntentStatus[];

  @OneOf(INTENT_HORIZONS, { presence: 'optional' })
  horizon?: IntentHorizon;

  /** A target commune (INSEE code). */
  @IsOptional()
  @Matches(INSEE_COMMUNE_CODE, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  @QueryFlag()
  archived?: boolean;
}
