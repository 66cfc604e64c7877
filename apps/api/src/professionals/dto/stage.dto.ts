import { MSU_STAGES, type MsuStage } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

import { PAGE_MAX } from '../../common/http/page-query.dto';
import { IsIsoDate, NotInFuture } from '../support/dates';
import { ReadVersionDto, trim } from './professional.dto';

/** Body of `POST /api/professionals/:id/stage`. */
export class MoveStageDto extends ReadVersionDto {
  @ApiProperty({ enum: MSU_STAGES })
  @IsIn(MSU_STAGES, { message: `toStage : valeurs possibles ${MSU_STAGES.join(', ')}.` })
  toStage!: MsuStage;

  /** The day of the move (not in the future). */
  @IsIsoDate('date')
  @NotInFuture('date')
  date!: string;

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value))
  @IsOptional()
  @IsString({ message: 'note : texte attendu.' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus.' })
  note?: string | null;
}

/** Body of `POST /api/professionals/:id/training-sessions`. */
export class CreateTrainingSessionDto {
  @IsIsoDate('date')
  @NotInFuture('date')
  date!: string;

  /** Hours, by tenths (0.5 to 100). */
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours : nombre d’heures attendu (une décimale au plus).' })
  @Min(0.5, { message: 'hours : 0,5 heure au moins.' })
  @Max(100, { message: 'hours : 100 heures au plus.' })
  hours!: number;

  @Transform(trim)
  @IsString({ message: 'title : l’intitulé est obligatoire.' })
  @MinLength(2, { message: 'title : 2 caractères au moins.' })
  @MaxLength(200, { message: 'title : 200 caractères au plus.' })
  title!: string;
}

/** `?page=&pageSize=` of a professional's history lists. */
export class HistoryPageQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page : un nombre entier est attendu.' })
  @Min(1, { message: 'page : 1 au minimum.' })
  @Max(PAGE_MAX, { message: `page : ${PAGE_MAX} au maximum.` })
  page = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize : un nombre entier est attendu.' })
  @Min(1, { message: 'pageSize : 1 au minimum.' })
  @Max(200, { message: 'pageSize : 200 au maximum.' })
  pageSize = 50;
}
