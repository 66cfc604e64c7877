import { PASSWORD_MIN_LENGTH, type Role, ROLES } from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { INT32_MAX, VERSION_MAX_MESSAGE } from '../../common/http/limits';
import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email : adresse e-mail invalide.' })
  @MaxLength(254, { message: 'email : 254 caractères au plus.' })
  email!: string;

  @Transform(trim)
  @IsString({ message: 'displayName : le nom est obligatoire.' })
  @MinLength(2, { message: 'displayName : 2 caractères au moins.' })
  @MaxLength(120, { message: 'displayName : 120 caractères au plus.' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role : valeurs possibles ${ROLES.join(', ')}.` })
  role!: Role;

  /** `null` only for a national administrator. */
  @ApiProperty({ type: String, nullable: true, required: false, example: '77' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departementCode : code de département invalide (ex. 77).' })
  departementCode?: string | null;

  @IsString({ message: 'password : le mot de passe est obligatoire.' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password : ${PASSWORD_MIN_LENGTH} caractères au moins.` })
  @MaxLength(200, { message: 'password : 200 caractères au plus.' })
  password!: string;
}

export class VersionDto {
  /** The version the client last read. */
  @Type(() => Number)
  @IsInt({ message: 'version : la version lue est obligatoire (nombre entier).' })
  @Min(1, { message: 'version : la version lue est obligatoire (nombre entier).' })
  @Max(INT32_MAX, { message: VERSION_MAX_MESSAGE })
  version!: number;
}

export class UpdateUserDto extends IntersectionType(
  PartialType(PickType(CreateUserDto, ['departementCode'] as const)),
  VersionDto,
) {
  // Left out, they keep their value; `null` is refused (every account has a name and a role).
  @ValidateIf((_, value) => value !== undefined)
  @Transform(trim)
  @IsString({ message: 'displayName : le nom est obligatoire.' })
  @MinLength(2, { message: 'displayName : 2 caractères au moins.' })
  @MaxLength(120, { message: 'displayName : 120 caractères au plus.' })
  displayName?: string;

  @ApiProperty({ enum: ROLES, required: false })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(ROLES, { message: `role : valeurs possibles ${ROLES.join(', ')}.` })
  role?: Role;
}

export class ResetPasswordDto extends IntersectionType(PickType(CreateUserDto, ['password'] as const), VersionDto) {}

export class ListUsersQuery extends PageQueryDto {
  @ApiProperty({ enum: ROLES, required: false })
  @IsOptional()
  @IsIn(ROLES, { message: `role : valeurs possibles ${ROLES.join(', ')}.` })
  role?: Role;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active : true ou false.' })
  active?: boolean;
}

export class ColleaguesQuery {
  /** Only these roles (`role=cdom&role=mission_officer` or a comma list). */
  @ApiProperty({ enum: ROLES, isArray: true, required: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value,
  )
  @IsIn(ROLES, { each: true, message: `role : valeurs possibles ${ROLES.join(', ')}.` })
  role?: Role[];
}
