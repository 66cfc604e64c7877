import { IsOptional, Matches } from 'class-validator';
import { IsIsoDate } from '../../common/validation/rules';

/** `GET /api/dashboard?from=…&to=…&epci=…&commune=…` (national administrators may add `departement`). */
export class DashboardQuery {
  /** First day of the period (default: 1 January of the current year). */
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Last day of the period (default: today). */
  @IsOptional()
  @IsIsoDate()
  to?: string;

  /** SIREN of an EPCI of the département. */
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epci : SIREN à 9 chiffres attendu.' })
  epci?: string;

  /** INSEE code of a commune of the département. */
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'commune : code INSEE à 5 caractères attendu (ex. 77288).' })
  commune?: string;

  /** National administrators only: one département (all by default). */
  @IsOptional()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departement : code de département attendu (ex. 77).' })
  departement?: string;
}
