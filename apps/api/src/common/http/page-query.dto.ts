import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@maillage/shared/domain';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Beyond any real list; keeps `OFFSET` a small integer whatever the client sends. */
export const PAGE_MAX = 100_000;

/** `?page=&pageSize=&sort=field:asc|desc&q=`, shared by every list route. */
export class PageQueryDto {
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
  @Max(PAGE_SIZE_MAX, { message: `pageSize : ${PAGE_SIZE_MAX} au maximum.` })
  pageSize = PAGE_SIZE_DEFAULT;

  /** `field:asc` or `field:desc` */
  @IsOptional()
  @IsString({ message: 'sort : format attendu « champ:asc » ou « champ:desc ».' })
  @Matches(/^[A-Za-z][A-Za-z0-9]*(:(asc|desc))?$/, {
    message: 'sort : format attendu « champ:asc » ou « champ:desc ».',
  })
  sort?: string;

  /** Free-text search. */
  @IsOptional()
  @IsString({ message: 'q : du texte est attendu.' })
  @MaxLength(100, { message: 'q : 100 caractères au plus.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  q?: string;
}

/** Query-string booleans: `true`/`false` only; anything else stays as is and fails validation. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
