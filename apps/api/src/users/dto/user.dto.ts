import { PASSWORD_MIN_LENGTH, type Role, ROLES } from '@maillage/shared/domain';
import { ApiProperty, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';
import { trim } from '../../common/validation/transforms';
import { VersionDto } from '../../common/validation/version.dto';

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
