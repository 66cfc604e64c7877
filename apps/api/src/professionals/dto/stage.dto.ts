import { MSU_STAGES, type MsuStage } from '@maillage/shared/domain';
import { PickType } from '@nestjs/swagger';
import { Max, Min } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { IsDecimal, IsIsoDate, NotInFuture, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** Body of `POST /api/professionals/:id/stage`. */
export class MoveStageDto extends VersionDto {
  @OneOf(MSU_STAGES)
  toStage!: MsuStage;

  /** The day of the move (not in the future). */
  @IsIsoDate()
  @NotInFuture()
  date!: string;

  @Text({ max: 2000, presence: 'blank' })
  note?: string | null;
}

/** Body of `POST /api/professionals/:id/training-sessions`. */
export class CreateTrainingSessionDto {
  @IsIsoDate()
  @NotInFuture()
  date!: string;

  /** Hours, by tenths (0.5 to 100). */
  @IsDecimal(1, 'hours : nombre d’heures attendu (une décimale au plus).')
  @Min(0.5, { message: 'hours : 0,5 heure au moins.' })
  @Max(100, { message: 'hours : 100 heures au plus.' })
  hours!: number;

  @Text({ max: 200, min: 2, notText: 'l’intitulé est obligatoire.' })
  title!: string;
}

/** `?page=&pageSize=` of a history list (50 a page unless asked). */
export class HistoryPageQuery extends PickType(PageQueryDto, ['page', 'pageSize'] as const) {
  override pageSize = 50;
}
