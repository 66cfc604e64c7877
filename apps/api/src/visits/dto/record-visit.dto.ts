import {
  ACCESS_ISSUE_CATEGORIES,
  type AccessIssueCategory,
  CHECKLIST_ANSWERS,
  type ChecklistAnswer,
  SEVERITIES,
  type Severity,
  VISIT_CHECKLIST_ITEMS,
  type VisitActionInput,
  type VisitChecklistItem,
  type VisitIssueInput,
  type VisitRecordInput,
} from '@maillage/shared/domain';
import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { NotInFuture } from '../../professionals/support/dates';
import { IsIsoDate, Omittable, trim } from '../../sites/dto/field-rules';
import { VisitParticipantDto } from './plan-visit.dto';

/** In nested objects the path names the field (`actions.0.dueOn : …`). */
const NESTED_DATE_MESSAGE = 'date attendue au format AAAA-MM-JJ.';

export class ChecklistEntryDto {
  @ApiProperty({ enum: CHECKLIST_ANSWERS })
  @IsIn(CHECKLIST_ANSWERS, { message: `valeurs possibles ${CHECKLIST_ANSWERS.join(', ')}.` })
  answer!: ChecklistAnswer;

  @Omittable()
  @Transform(trim)
  @IsString({ message: 'texte attendu.' })
  @MaxLength(1000, { message: '1000 caractères au plus.' })
  comment?: string;
}

/**
 * The checklist as an object keyed by the shared items: each item is declared from
 * `VISIT_CHECKLIST_ITEMS`, so that an unknown key is refused by the global pipe like any
 * unknown field, and each answer is validated with its path (`checklist.parking.answer`).
 */
class ChecklistShape {}
for (const item of VISIT_CHECKLIST_ITEMS) {
  Omittable()(ChecklistShape.prototype, item);
  ValidateNested()(ChecklistShape.prototype, item);
  Type(() => ChecklistEntryDto)(ChecklistShape.prototype, item);
}
export const VisitChecklistDto = ChecklistShape as new () => Partial<Record<VisitChecklistItem, ChecklistEntryDto>>;

export class VisitIssueDto implements VisitIssueInput {
  @ApiProperty({ enum: ACCESS_ISSUE_CATEGORIES })
  @IsIn(ACCESS_ISSUE_CATEGORIES, { message: `valeurs possibles ${ACCESS_ISSUE_CATEGORIES.join(', ')}.` })
  category!: AccessIssueCategory;

  /** 1 = minor … 4 = blocks hosting students. */
  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES, { message: 'gravité de 1 (mineure) à 4 (bloquante).' })
  severity!: Severity;

  /** What stops interns from coming (no health data). */
  @Transform(trim)
  @IsString({ message: 'la description est obligatoire.' })
  @MinLength(5, { message: '5 caractères au moins.' })
  @MaxLength(2000, { message: '2000 caractères au plus.' })
  description!: string;
}

export class VisitActionDto implements VisitActionInput {
  @Transform(trim)
  @IsString({ message: 'l’intitulé de l’action est obligatoire.' })
  @MinLength(3, { message: '3 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  title!: string;

  /** An active user of the visit's département; or give `ownerLabel`. */
  @Omittable()
  @IsUUID('all', { message: 'identifiant (uuid) attendu.' })
  ownerId?: string;

  /** An owner outside the app, e.g. "MSU du site", "Mairie de Provins". */
  @Omittable()
  @Transform(trim)
  @IsString({ message: 'texte attendu.' })
  @MinLength(2, { message: '2 caractères au moins.' })
  @MaxLength(200, { message: '200 caractères au plus.' })
  ownerLabel?: string;

  /** On or after the visit. */
  @IsDateString({ strict: true }, { message: NESTED_DATE_MESSAGE })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: NESTED_DATE_MESSAGE })
  dueOn!: string;
}

export class RecordVisitDto implements VisitRecordInput {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Min(1, { message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;

  /** The day of the visit (not in the future). */
  @IsIsoDate('visitedOn')
  @NotInFuture('visitedOn')
  visitedOn!: string;

  /** Who took part; replaces the planned participants. */
  @IsArray({ message: 'participants : liste attendue.' })
  @ArrayMinSize(1, { message: 'participants : au moins un participant.' })
  @ArrayMaxSize(30, { message: 'participants : 30 participants au plus.' })
  @ValidateNested({ each: true })
  @Type(() => VisitParticipantDto)
  participants!: VisitParticipantDto[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(ChecklistEntryDto) },
    description: `Réponses par élément de la grille (${VISIT_CHECKLIST_ITEMS.join(', ')}) ; un élément absent n’est pas vérifié.`,
    example: { consultation_room: { answer: 'ok' }, parking: { answer: 'to_improve', comment: 'Deux places.' } },
  })
  @IsObject({ message: 'checklist : objet attendu, par élément de la grille.' })
  @ValidateNested()
  @Type(() => VisitChecklistDto)
  checklist!: Partial<Record<VisitChecklistItem, ChecklistEntryDto>>;

  /** What the visit found (no health data). */
  @Transform(trim)
  @IsString({ message: 'findings : les constats sont obligatoires.' })
  @MinLength(5, { message: 'findings : 5 caractères au moins.' })
  @MaxLength(10000, { message: 'findings : 10000 caractères au plus.' })
  findings!: string;

  /** After `visitedOn`. */
  @IsOptional()
  @IsIsoDate('nextVisitOn')
  nextVisitOn?: string | null;

  /** Each becomes an open access issue of the site (source `visit`). */
  @Omittable()
  @IsArray({ message: 'issues : liste attendue.' })
  @ArrayMaxSize(20, { message: 'issues : 20 difficultés au plus.' })
  @ValidateNested({ each: true })
  @Type(() => VisitIssueDto)
  issues?: VisitIssueDto[];

  /** Each becomes an open task linked to the visit. */
  @Omittable()
  @IsArray({ message: 'actions : liste attendue.' })
  @ArrayMaxSize(20, { message: 'actions : 20 actions au plus.' })
  @ValidateNested({ each: true })
  @Type(() => VisitActionDto)
  actions?: VisitActionDto[];
}
