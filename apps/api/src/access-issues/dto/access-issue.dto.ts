import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_SOURCES,
  type AccessIssueCategory,
  type AccessIssueInput,
  type AccessIssueSource,
  SEVERITIES,
  type Severity,
} from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { NotInFuture } from '../../professionals/support/dates';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';

const VERSION_MESSAGE = 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).';

/** The version the client last read (or `If-Match`). */
export class IssueVersionDto {
  @IsInt({ message: VERSION_MESSAGE })
  @Min(1, { message: VERSION_MESSAGE })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

export class CreateAccessIssueDto implements AccessIssueInput {
  /** A live site of the actor's département. */
  @IsUUID('all', { message: 'siteId : identifiant de terrain (uuid) attendu.' })
  siteId!: string;

  @ApiProperty({ enum: ACCESS_ISSUE_CATEGORIES })
  @IsIn(ACCESS_ISSUE_CATEGORIES, { message: `category : valeurs possibles ${ACCESS_ISSUE_CATEGORIES.join(', ')}.` })
  category!: AccessIssueCategory;

  @ApiProperty({ enum: SEVERITIES, description: '1 = mineure … 4 = bloque l’accueil d’étudiants.' })
  @IsIn(SEVERITIES, { message: 'severity : entier de 1 (mineure) à 4 (bloquante).' })
  severity!: Severity;

  @ApiProperty({
    minLength: 10,
    maxLength: 4000,
    description:
      'Ce qui gêne les internes sur ce terrain. Aucune information de santé sur un patient ' +
      '(l’application ne doit contenir aucune donnée de santé).',
  })
  @Transform(trim)
  @IsString({ message: 'description : la description est obligatoire.' })
  @MinLength(10, { message: 'description : 10 caractères au moins.' })
  @MaxLength(4000, { message: 'description : 4000 caractères au plus.' })
  description!: string;

  @ApiProperty({
    enum: ACCESS_ISSUE_SOURCES,
    required: false,
    description: 'Obligatoire pour le chargé de mission ; toujours « cdom » pour le CDOM (imposée).',
  })
  @Omittable()
  @IsIn(ACCESS_ISSUE_SOURCES, { message: `source : valeurs possibles ${ACCESS_ISSUE_SOURCES.join(', ')}.` })
  source?: AccessIssueSource;

  /** The day the difficulty was reported (not in the future). */
  @IsIsoDate('raisedOn')
  @NotInFuture('raisedOn')
  raisedOn!: string;
}

/** Any field of the creation, from the version read; the status changes through the actions. */
export class UpdateAccessIssueDto extends IntersectionType(
  PartialType(CreateAccessIssueDto, { skipNullProperties: false }),
  IssueVersionDto,
) {}

/** Body of `/wont-fix`: when and why the issue was closed. */
export class CloseAccessIssueDto extends IssueVersionDto {
  @IsIsoDate('closedOn')
  @NotInFuture('closedOn')
  closedOn!: string;

  /** What was done, or why nothing will be (no health information). */
  @Transform(trim)
  @IsString({ message: 'resolution : expliquez la résolution (texte obligatoire).' })
  @MinLength(3, { message: 'resolution : 3 caractères au moins.' })
  @MaxLength(4000, { message: 'resolution : 4000 caractères au plus.' })
  resolution!: string;
}

/** Body of `/resolve`: the closing, and the measures that solved it (linked in the same transaction). */
export class ResolveAccessIssueDto extends CloseAccessIssueDto {
  @Omittable()
  @IsArray({ message: 'measureIds : liste attendue.' })
  @ArrayMaxSize(50, { message: 'measureIds : 50 dispositifs au plus.' })
  @ArrayUnique({ message: 'measureIds : un dispositif apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'measureIds : identifiants (uuid) attendus.' })
  measureIds?: string[];
}
