import { NOTIFICATION_KINDS, type NotificationKind } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min } from 'class-validator';

/** Body of `PUT /api/notifications/preferences` (the whole choice, every field required). */
export class UpdatePreferencesDto {
  /** Kinds also sent by e-mail, among those of your role. */
  @ApiProperty({ enum: NOTIFICATION_KINDS, isArray: true })
  @IsArray({ message: 'emailKinds : une liste est attendue (éventuellement vide).' })
  @ArrayMaxSize(NOTIFICATION_KINDS.length, { message: 'emailKinds : trop de valeurs.' })
  @IsIn(NOTIFICATION_KINDS, {
    each: true,
    message: `emailKinds : valeurs possibles ${NOTIFICATION_KINDS.join(', ')}.`,
  })
  emailKinds!: NotificationKind[];

  /** Day of the weekly digest: 1 = Monday … 7 = Sunday (Paris time). */
  @IsInt({ message: 'digestWeekday : un jour de 1 (lundi) à 7 (dimanche) est attendu.' })
  @Min(1, { message: 'digestWeekday : un jour de 1 (lundi) à 7 (dimanche) est attendu.' })
  @Max(7, { message: 'digestWeekday : un jour de 1 (lundi) à 7 (dimanche) est attendu.' })
  digestWeekday!: number;

  /** Hour of the weekly digest, 0 to 23 (Paris time). */
  @IsInt({ message: 'digestHour : une heure de 0 à 23 est attendue.' })
  @Min(0, { message: 'digestHour : une heure de 0 à 23 est attendue.' })
  @Max(23, { message: 'digestHour : une heure de 0 à 23 est attendue.' })
  digestHour!: number;
}
