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
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';

import { IsId, IsIsoDate, NotInFuture, Omittable, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';
import { VisitParticipantDto } from './plan-visit.dto';

export class ChecklistEntryDto {
  @OneOf(CHECKLIST_ANSWERS)
  answer!: ChecklistAnswer;

  @Text({ max: 1000, presence: 'omittable' })
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
  @OneOf(ACCESS_ISSUE_CATEGORIES)
  category!: AccessIssueCategory;

  /** 1 = minor … 4 = blocks hosting students. */
  @OneOf(SEVERITIES, { message: 'gravité de 1 (mineure) à 4 (bloquante).' })
  severity!: Severity;

  /** What stops interns from coming (no health data). */
  @Text({ max: 2000, min: 5, notText: 'la description est obligatoire.' })
  description!: string;
}

export class VisitActionDto implements VisitActionInput {
  @Text({ max: 200, min: 3, notText: 'l’intitulé de l’action est obligatoire.' })
  title!: string;

  /** An active user of the visit's département; or give `ownerLabel`. */
  @IsId('omittable')
  ownerId?: string;

  /** An owner outside the app, e.g. "MSU du site", "Mairie de Provins". */
  @Text({ max: 200, min: 2, presence: 'omittable' })
  ownerLabel?: string;

  /** On or after the visit. */
  @IsIsoDate()
  dueOn!: string;
}

export class RecordVisitDto extends VersionDto implements VisitRecordInput {
  /** The day of the visit (not in the future). */
  @IsIsoDate()
  @NotInFuture()
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
  @Text({ max: 10000, min: 5, notText: 'les constats sont obligatoires.' })
  findings!: string;

  /** After `visitedOn`. */
  @IsIsoDate('optional')
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
