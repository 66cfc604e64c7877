import {
  BULK_ACTIONS_OF,
  BULK_MAX_EXPORT,
  type BulkAction,
  type BulkResource,
  MSU_STAGES,
  type MsuStage,
  PRIORITIES,
  type Priority,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { trim } from '../../common/validation/transforms';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `task` of `assign_task`: one task per selected record, on that record. */
export class BulkTaskDto {
  /** « {nom} » is replaced by each record's name, e.g. « Relancer {nom} ». */
  @Transform(trim)
  @IsString({ message: 'task.title : l’intitulé est obligatoire.' })
  @MinLength(2, { message: 'task.title : 2 caractères au moins.' })
  @MaxLength(200, { message: 'task.title : 200 caractères au plus.' })
  title!: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'task.description : texte attendu.' })
  @MaxLength(4000, { message: 'task.description : 4000 caractères au plus.' })
  description?: string;

  @IsOptional()
  @Matches(ISO_DAY, { message: 'task.dueOn : date attendue au format AAAA-MM-JJ.' })
  @IsDateString({ strict: true }, { message: 'task.dueOn : date attendue au format AAAA-MM-JJ.' })
  dueOn?: string;

  @ApiProperty({ enum: PRIORITIES, required: false })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `task.priority : valeurs possibles ${PRIORITIES.join(', ')}.` })
  priority?: Priority;

  /** An active account of the département (default: the team, no one in particular). */
  @IsOptional()
  @IsUUID('all', { message: 'task.ownerId : identifiant de compte invalide (uuid attendu).' })
  ownerId?: string;
}

/** `stage` of `move_stage` (professionals). */
export class BulkStageDto {
  @ApiProperty({ enum: MSU_STAGES })
  @IsIn(MSU_STAGES, { message: `stage.toStage : valeurs possibles ${MSU_STAGES.join(', ')}.` })
  toStage!: MsuStage;

  /** The day of the move (default today; not in the future). */
  @IsOptional()
  @Matches(ISO_DAY, { message: 'stage.date : date attendue au format AAAA-MM-JJ.' })
  @IsDateString({ strict: true }, { message: 'stage.date : date attendue au format AAAA-MM-JJ.' })
  date?: string;

  @Transform(trim)
  @IsOptional()
  @IsString({ message: 'stage.note : texte attendu.' })
  @MaxLength(2000, { message: 'stage.note : 2000 caractères au plus.' })
  note?: string;
}

/** `owner` of `assign` (tasks): the new owner, or `null` for the team. */
export class BulkOwnerDto {
  @ValidateIf((_: object, value: unknown) => value !== null)
  @IsUUID('all', { message: 'owner.ownerId : identifiant de compte invalide (uuid attendu), ou null.' })
  ownerId!: string | null;
}

export interface BulkSelection<F> {
  ids?: string[];
  filters?: F;
}

export interface BulkActionBody<F> extends BulkSelection<F> {
  action: BulkAction;
  task?: BulkTaskDto;
  stage?: BulkStageDto;
  owner?: BulkOwnerDto;
}

type Class<T> = new () => T;

/**
 * The bodies of `POST /api/<list>/bulk` and `/bulk/export` for one list: the selection is either
 * `ids` or `filters`, the list's own query DTO (so that filters mean what they mean on the list).
 */
export function bulkDtos<F extends object>(resource: BulkResource, filters: Class<F>) {
  const actions = Object.keys(BULK_ACTIONS_OF[resource].actions) as BulkAction[];

  class Selection implements BulkSelection<F> {
    /** The records chosen one by one. */
    @ValidateIf((o: Selection) => o.filters === undefined)
    @IsArray({ message: 'ids : donnez les identifiants choisis, ou filters pour tous ceux d’une recherche.' })
    @ArrayMinSize(1, { message: 'ids : choisissez au moins un enregistrement.' })
    @ArrayMaxSize(BULK_MAX_EXPORT, { message: `ids : ${BULK_MAX_EXPORT} enregistrements au plus.` })
    @IsUUID('all', { each: true, message: 'ids : identifiants invalides (uuid attendus).' })
    ids?: string[];

    /** Every record matching these filters of the list (the same as `GET /api/${resource}`). */
    @ApiProperty({ type: () => filters, required: false })
    @ValidateIf((o: Selection) => o.ids === undefined || o.filters !== undefined)
    @IsObject({ message: 'filters : les filtres de la liste sont attendus (un objet).' })
    @ValidateNested()
    @Type(() => filters)
    filters?: F;
  }

  class Action extends Selection implements BulkActionBody<F> {
    @ApiProperty({ enum: actions })
    @IsIn(actions, { message: `action : actions possibles pour cette liste : ${actions.join(', ')}.` })
    action!: BulkAction;

    @ValidateIf((o: Action) => o.action === 'assign_task' || o.task !== undefined)
    @IsObject({ message: 'task : la tâche à créer est attendue (title, dueOn, ownerId…).' })
    @ValidateNested()
    @Type(() => BulkTaskDto)
    task?: BulkTaskDto;

    @ValidateIf((o: Action) => o.action === 'move_stage' || o.stage !== undefined)
    @IsObject({ message: 'stage : l’étape visée est attendue (toStage, date).' })
    @ValidateNested()
    @Type(() => BulkStageDto)
    stage?: BulkStageDto;

    @ValidateIf((o: Action) => o.action === 'assign' || o.owner !== undefined)
    @IsObject({ message: 'owner : le nouveau responsable est attendu (ownerId).' })
    @ValidateNested()
    @Type(() => BulkOwnerDto)
    owner?: BulkOwnerDto;
  }

  return { Selection, Action };
}
