import { MSU_STAGES, type MsuStage } from '@maillage/shared/domain';

import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

import { IsIsoDate, NotInFuture, OneOf, Text } from '../../common/validation/rules';
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
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours : nombre d’heures attendu (une décimale au plus).' })
  @Min(0.5, { message: 'hours : 0,5 heure au moins.' })
  @Max(100, { message: 'hours : 100 heures au plus.' })
  hours!: number;

  @Text({ max: 200, min: 2, notText: 'l’intitulé est obligatoire.' })
  title!: string;
}

/** `?page=&pageSize=` of a professional's history lists. */
export class HistoryPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page : un nombre entier est attendu.' })
  @Min(1, { message: 'page : 1 au minimum.' })
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize : un nombre entier est attendu.' })
  @Min(1, { message: 'pageSize : 1 au minimum.' })
  @Max(200, { message: 'pageSize : 200 au maximum.' })
  pageSize = 50;
}
