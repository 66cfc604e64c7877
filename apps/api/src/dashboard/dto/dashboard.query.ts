import { IsOptional, Matches } from 'class-validator';

import { PeriodQuery } from '../../common/validation/period.dto';

/**
 * `GET /api/dashboard?from=…&to=…&epci=…&commune=…` (national administrators may add `departement`);
 * `from` defaults to 1 January of the current year, `to` to today.
 */
export class DashboardQuery extends PeriodQuery {
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
