import {
  isValidSiret,
  isWithinFrance,
  SITE_KINDS,
  SITE_STATUSES,
  type SiteInput,
  type SiteKind,
  type SiteStatus,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { IntersectionType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';

import { IsDecimal, Omittable, OneOf, Text } from '../../common/validation/rules';
import { trim } from '../../common/validation/transforms';
import { VersionDto } from '../../common/validation/version.dto';

export class SiteCapacityDto {
  @OneOf(STAGE_TYPES, { message: `type de stage inconnu (valeurs possibles ${STAGE_TYPES.join(', ')}).` })
  stageType!: StageType;

  /** Places per semester (0 to 50). */
  @IsInt({ message: 'nombre de places entier attendu.' })
  @Min(0, { message: 'le nombre de places ne peut pas être négatif.' })
  @Max(50, { message: '50 places au plus.' })
  places!: number;
}

@ValidatorConstraint({ name: 'uniqueStageTypes' })
class UniqueStageTypes implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return duplicateStageType(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return `capacities : le type de stage ${duplicateStageType(args.value)} apparaît deux fois.`;
  }
}

function duplicateStageType(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<unknown>();
  for (const item of value as { stageType?: unknown }[]) {
    const type = item?.stageType;
    if (seen.has(type)) return String(type);
    seen.add(type);
  }
  return null;
}

@ValidatorConstraint({ name: 'withinFrance' })
class WithinFrance implements ValidatorConstraintInterface {
  validate(longitude: unknown, args: ValidationArguments): boolean {
    const { latitude } = args.object as { latitude?: unknown };
    return typeof longitude !== 'number' || typeof latitude !== 'number' || isWithinFrance(latitude, longitude);
  }
  defaultMessage(): string {
    return 'longitude : ce point est hors de France (latitude et longitude inversées ?).';
  }
}

@ValidatorConstraint({ name: 'siret' })
class ValidSiret implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidSiret(value);
  }
  defaultMessage(): string {
    return 'siret : numéro SIRET invalide (14 chiffres dont une clé de contrôle).';
  }
}

const hasCoordinates = (o: { latitude?: unknown; longitude?: unknown }) =>
  (o.latitude !== undefined && o.latitude !== null) || (o.longitude !== undefined && o.longitude !== null);

export class CreateSiteDto implements SiteInput {
  @Text({ max: 200, min: 2, notText: 'le nom est obligatoire.' })
  name!: string;

  @OneOf(SITE_KINDS)
  kind!: SiteKind;

  @OneOf(SITE_STATUSES, { presence: 'omittable', default: 'prospect' })
  status?: SiteStatus;

  @Transform(trim)
  @IsString({ message: 'addressLine1 : l’adresse est obligatoire.' })
  @MinLength(2, { message: 'addressLine1 : 2 caractères au moins.' })
  @MaxLength(200, { message: 'addressLine1 : 200 caractères au plus.' })
  addressLine1!: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'addressLine2 : texte attendu.' })
  @MaxLength(200, { message: 'addressLine2 : 200 caractères au plus.' })
  addressLine2?: string | null;

  @IsString({ message: 'postalCode : le code postal est obligatoire.' })
  @Matches(/^\d{5}$/, { message: 'postalCode : code postal à 5 chiffres attendu.' })
  postalCode!: string;

  /** INSEE code of a commune of the actor's département. */
  @IsString({ message: 'communeCode : le code INSEE de la commune est obligatoire.' })
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'communeCode : code INSEE à 5 caractères attendu (ex. 77288).' })
  communeCode!: string;

  /** WGS 84; with `longitude`, or neither. */
  @ValidateIf(hasCoordinates)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'latitude : nombre attendu (latitude et longitude vont ensemble).' },
  )
  @Min(-90, { message: 'latitude : entre -90 et 90.' })
  @Max(90, { message: 'latitude : entre -90 et 90.' })
  latitude?: number | null;

  @ValidateIf(hasCoordinates)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'longitude : nombre attendu (latitude et longitude vont ensemble).' },
  )
  @Validate(WithinFrance)
  longitude?: number | null;

  /** 14 digits (spaces allowed), checked with its key. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value))
  @IsOptional()
  @Validate(ValidSiret)
  siret?: string | null;

  @Omittable()
  @IsBoolean({ message: 'housingOnSite : true ou false.' })
  housingOnSite?: boolean;

  @Omittable()
  @IsBoolean({ message: 'housingNearby : true ou false.' })
  housingNearby?: boolean;

  @Omittable()
  @IsBoolean({ message: 'publicTransport : true ou false.' })
  publicTransport?: boolean;

  @Omittable()
  @IsBoolean({ message: 'parking : true ou false.' })
  parking?: boolean;

  /** Distance to the faculty / CHU, in km (one decimal). */
  @IsOptional()
  @IsDecimal(1, 'distanceToChuKm : nombre de km attendu (une décimale au plus).')
  @Min(0, { message: 'distanceToChuKm : la distance ne peut pas être négative.' })
  @Max(1000, { message: 'distanceToChuKm : 1000 km au plus.' })
  distanceToChuKm?: number | null;

  @Text({ max: 4000, presence: 'optional', untrimmed: true })
  notes?: string | null;

  /** Places per stage type; replaces all the capacities of the site when given. */
  @Omittable()
  @IsArray({ message: 'capacities : liste attendue.' })
  @ArrayMaxSize(STAGE_TYPES.length, { message: `capacities : ${STAGE_TYPES.length} types de stage au plus.` })
  @ValidateNested({ each: true })
  @Type(() => SiteCapacityDto)
  @Validate(UniqueStageTypes)
  capacities?: SiteCapacityDto[];

  /** Professionals practising at the site (same département); replaces the links when given. */
  @Omittable()
  @IsArray({ message: 'professionalIds : liste attendue.' })
  @ArrayMaxSize(100, { message: 'professionalIds : 100 professionnels au plus.' })
  @ArrayUnique({ message: 'professionalIds : un professionnel apparaît deux fois.' })
  @IsUUID('all', { each: true, message: 'professionalIds : identifiants (uuid) attendus.' })
  professionalIds?: string[];
}

export class UpdateSiteDto extends IntersectionType(
  PartialType(CreateSiteDto, { skipNullProperties: false }),
  VersionDto,
) {}
