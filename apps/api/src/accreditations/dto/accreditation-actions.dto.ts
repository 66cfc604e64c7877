import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { IsIsoDate, Omittable } from '../../sites/dto/field-rules';

/** Body of `/review` and `/expire`: the version read (or `If-Match`) and an optional note. */
export class AccreditationActionDto {
  /** The version last read (or send it in `If-Match`). */
  @IsInt({ message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Min(1, { message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;

  /** Kept, dated, in the notes of the file. */
  @IsOptional()
  @IsString({ message: 'note : texte attendu.' })
  @MaxLength(2000, { message: 'note : 2000 caractères au plus.' })
  note?: string;
}

export class GrantAccreditationDto extends AccreditationActionDto {
  @IsIsoDate('startDate')
  startDate!: string;

  /** Defaults to the validity of the cycle, or the conditional validity after a withdrawal. */
  @Omittable()
  @IsIsoDate('endDate')
  endDate?: string;

  /** Decision number. */
  @IsOptional()
  @IsString({ message: 'reference : texte attendu.' })
  @MaxLength(100, { message: 'reference : 100 caractères au plus.' })
  reference?: string;
}

export class WithdrawAccreditationDto extends AccreditationActionDto {
  /** Effective date of the withdrawal. */
  @IsIsoDate('date')
  date!: string;
}
