import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportSection } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateBy, type ValidationOptions } from 'class-validator';

import { IsIsoDate, Omittable, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

export const SECTION_MAX_LENGTH = 20_000;

/** An object whose keys are report sections and whose values are texts (≤ 20 000 characters) or `null`. */
function IsReportSections(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isReportSections',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([key, text]) =>
              (REPORT_SECTIONS as readonly string[]).includes(key) &&
              (text === null || (typeof text === 'string' && text.length <= SECTION_MAX_LENGTH)),
          ),
        defaultMessage: () =>
          `sections : objet dont les clés sont ${REPORT_SECTIONS.join(', ')} et les valeurs des textes ` +
          `(${SECTION_MAX_LENGTH} caractères au plus) ou null.`,
      },
    },
    options,
  );
}

export class CreateAnnualReportDto {
  @ApiProperty({ minimum: 2020, maximum: 2100 })
  @Type(() => Number)
  @IsInt({ message: 'year : année attendue (nombre entier).' })
  @Min(2020, { message: 'year : 2020 au plus tôt.' })
  @Max(2100, { message: 'year : 2100 au plus tard.' })
  year!: number;

  @ApiProperty({ required: false, description: 'Par défaut « Rapport d’activité <année> ».' })
  @Text({ max: 200, min: 3, presence: 'omittable' })
  title?: string;

  @ApiProperty({ required: false, description: `Sections : ${REPORT_SECTIONS.join(', ')}.` })
  @Omittable()
  @IsReportSections()
  sections?: Partial<Record<ReportSection, string | null>>;

  @ApiProperty({ required: false, description: 'Administrateur national : le département du rapport.' })
  @IsOptional()
  @Matches(/^(\d{2,3}|2[AB])$/, { message: 'departementCode : code de département attendu (ex. 77).' })
  departementCode?: string;
}

/** Title and sections, while the report is a draft; a section set to `null` or `""` is removed. */
export class UpdateAnnualReportDto extends VersionDto {
  @ApiProperty({ required: false })
  @Text({ max: 200, min: 3, presence: 'omittable' })
  title?: string;

  @ApiProperty({
    required: false,
    description: REPORT_SECTIONS.map((s) => `${s} : ${REPORT_SECTION_LABELS[s]}`).join(' ; '),
  })
  @Omittable()
  @IsReportSections()
  sections?: Partial<Record<ReportSection, string | null>>;
}

export class PresentReportDto extends VersionDto {
  @IsIsoDate()
  presentedOn!: string;
}

export class ApproveReportDto extends VersionDto {
  @IsIsoDate()
  approvedOn!: string;

  @ApiProperty({
    required: false,
    description:
      'À `true` : la chargée de mission confirme approuver un rapport incomplet (sections vides, année pas encore ' +
      'terminée) ; la confirmation est inscrite à l’historique. Sans elle, un tel rapport est refusé (400).',
  })
  @Omittable()
  @IsBoolean({ message: 'confirmIncomplete : vrai ou faux attendu.' })
  confirmIncomplete?: boolean;
}

export class ListAnnualReportsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year : année attendue (nombre entier).' })
  @Min(2020, { message: 'year : 2020 au plus tôt.' })
  @Max(2100, { message: 'year : 2100 au plus tard.' })
  year?: number;
}
