import { PASSWORD_MIN_LENGTH } from '@maillage/shared/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/auth/password`: the current password, then the new one. */
export class ChangePasswordDto {
  @IsString({ message: 'currentPassword : le mot de passe actuel est obligatoire.' })
  @MinLength(1, { message: 'currentPassword : le mot de passe actuel est obligatoire.' })
  @MaxLength(200, { message: 'currentPassword : 200 caractères au plus.' })
  currentPassword!: string;

  @IsString({ message: 'newPassword : le nouveau mot de passe est obligatoire.' })
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword : ${PASSWORD_MIN_LENGTH} caractères au moins.` })
  @MaxLength(200, { message: 'newPassword : 200 caractères au plus.' })
  newPassword!: string;
}
