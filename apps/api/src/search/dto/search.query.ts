import {
  SEARCH_KINDS,
  SEARCH_LIMIT_DEFAULT,
  SEARCH_LIMIT_MAX,
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  type SearchKind,
} from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
    : value;

/** `GET /api/search?q=&limit=&kinds=`. */
export class SearchQuery {
  /** What to look for: names, communes, sites… accents and small typos do not matter. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q : le texte à chercher est obligatoire.' })
  @MinLength(SEARCH_QUERY_MIN, { message: `q : ${SEARCH_QUERY_MIN} caractères au moins.` })
  @MaxLength(SEARCH_QUERY_MAX, { message: `q : ${SEARCH_QUERY_MAX} caractères au plus.` })
  q!: string;

  /** Results per kind. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit : un nombre entier est attendu.' })
  @Min(1, { message: 'limit : 1 au minimum.' })
  @Max(SEARCH_LIMIT_MAX, { message: `limit : ${SEARCH_LIMIT_MAX} au maximum.` })
  limit = SEARCH_LIMIT_DEFAULT;

  /** Only these kinds (default: every kind your role may read). */
  @ApiProperty({ enum: SEARCH_KINDS, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(SEARCH_KINDS, { each: true, message: `kinds : valeurs possibles ${SEARCH_KINDS.join(', ')}.` })
  kinds?: SearchKind[];
}
