import {
  SITE_KINDS,
  SITE_STATUSES,
  type SiteKind,
  type SiteStatus,
  STAGE_TYPES,
  type StageType,
  type Zonage,
  ZONAGES,
} from '@maillage/shared/domain';
import { IsOptional, Matches } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';
import { OneOf, QueryFlag } from '../../common/validation/rules';

/**
 * `GET /api/sites`: `q` searches name and commune (accents ignored); `sort` on name, commune,
 * kind, status, updatedAt, createdAt.
 */
export class ListSitesQuery extends PageQueryDto {
  /** INSEE code of the commune. */
  @IsOptional()
  @Matches(/^(?:\d{5}|2[AB]\d{3})$/, { message: 'commune : code INSEE à 5 caractères attendu.' })
  commune?: string;

  /** SIREN of the intercommunality. */
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epci : SIREN à 9 chiffres attendu.' })
  epci?: string;

  @OneOf(SITE_KINDS, { presence: 'optional' })
  kind?: SiteKind;

  @OneOf(SITE_STATUSES, { presence: 'optional' })
  status?: SiteStatus;

  /** Sites offering at least one place of this stage type. */
  @OneOf(STAGE_TYPES, { presence: 'optional' })
  stageType?: StageType;

  /** Current ARS zonage of the site's commune. */
  @OneOf(ZONAGES, { presence: 'optional' })
  zonage?: Zonage;

  /** `true`: sites with at least one open or in-progress access issue; `false`: sites with none. */
  @QueryFlag()
  hasOpenAccessIssues?: boolean;

  /** `true`: archived sites only; `false` (default): live sites only. */
  @QueryFlag()
  archived?: boolean;
}
