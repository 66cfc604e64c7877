import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  /** @example chargee.mission@demo.maillage.fr */
  @IsEmail({}, { message: 'email : adresse e-mail invalide.' })
  @MaxLength(254, { message: 'email : 254 caractères au plus.' })
  email!: string;

  /** @example demo-maillage-77 */
  @IsString({ message: 'password : le mot de passe est obligatoire.' })
  @MinLength(1, { message: 'password : le mot de passe est obligatoire.' })
  @MaxLength(200, { message: 'password : 200 caractères au plus.' })
  password!: string;
}
