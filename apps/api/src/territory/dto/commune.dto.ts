import { type Zonage, ZONAGES } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches, ValidateIf } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { OneOf, Text } from '../../common/validation/rules';

export class ListCommunesQuery extends PageQueryDto {
  @IsOptional()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departement : code de département invalide.' })
  departement?: string;

  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epci : SIREN à 9 chiffres attendu.' })
  epci?: string;

  @OneOf(ZONAGES, { presence: 'optional' })
  zonage?: Zonage;
}

export class AddZonageDto {
  @OneOf(ZONAGES)
  zonage!: Zonage;

  /** First day of the classification (YYYY-MM-DD). */
  @IsDateString({ strict: true }, { message: 'validFrom : date attendue au format AAAA-MM-JJ.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validFrom : date attendue au format AAAA-MM-JJ.' })
  validFrom!: string;

  /** Last day, inclusive; omitted or null while in force. */
  @ApiProperty({ type: String, nullable: true, required: false })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true }, { message: 'validTo : date attendue au format AAAA-MM-JJ.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validTo : date attendue au format AAAA-MM-JJ.' })
  validTo?: string | null;

  /** The ARS decree or document. */
  @Text({ max: 300, presence: 'optional', untrimmed: true })
  source?: string;
}
