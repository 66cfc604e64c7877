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
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

import { IsIsoDate, NotInFuture, Omittable, OneOf, Text } from '../../common/validation/rules';
import { trim } from '../../common/validation/transforms';
import { VersionDto } from '../../common/validation/version.dto';

export class CreateAccessIssueDto implements AccessIssueInput {
  /** A live site of the actor's département. */
  @IsUUID('all', { message: 'siteId : identifiant de terrain (uuid) attendu.' })
  siteId!: string;

  @OneOf(ACCESS_ISSUE_CATEGORIES)
  category!: AccessIssueCategory;

  @OneOf(SEVERITIES, {
    message: 'entier de 1 (mineure) à 4 (bloquante).',
    description: '1 = mineure … 4 = bloque l’accueil d’étudiants.',
  })
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

  @OneOf(ACCESS_ISSUE_SOURCES, {
    presence: 'omittable',
    description: 'Obligatoire pour le chargé de mission ; toujours « cdom » pour le CDOM (imposée).',
  })
  source?: AccessIssueSource;

  /** The day the difficulty was reported (not in the future). */
  @IsIsoDate()
  @NotInFuture()
  raisedOn!: string;
}

/** Any field of the creation, from the version read; the status changes through the actions. */
export class UpdateAccessIssueDto extends IntersectionType(
  PartialType(CreateAccessIssueDto, { skipNullProperties: false }),
  VersionDto,
) {}

/** Body of `/wont-fix`: when and why the issue was closed. */
export class CloseAccessIssueDto extends VersionDto {
  @IsIsoDate()
  @NotInFuture()
  closedOn!: string;

  /** What was done, or why nothing will be (no health information). */
  @Text({ max: 4000, min: 3, notText: 'expliquez la résolution (texte obligatoire).' })
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
