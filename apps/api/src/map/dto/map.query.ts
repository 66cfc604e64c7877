import { IsOptional, Matches } from 'class-validator';

/** `GET /api/map` (national administrators may add `departement`). */
export class MapQuery {
  /** National administrators only: one département (all by default). */
  @IsOptional()
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, { message: 'departement : code de département attendu (ex. 77).' })
  departement?: string;
}
