import { type ProfessionalSiteLinkInput, SITE_ROLES, type SiteRole } from '@maillage/shared/domain';
import { IsUUID } from 'class-validator';

import { IsId, IsIsoDate, NotInFuture, OneOf } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** `GET /api/professional-site-links`: the links of one professional or of one site. */
export class ListSiteLinksQuery {
  @IsId('optional')
  professional?: string;

  @IsId('optional')
  site?: string;
}

export class CreateSiteLinkDto implements ProfessionalSiteLinkInput {
  @IsUUID('all', { message: 'professionalId : choisissez un professionnel.' })
  professionalId!: string;

  @IsUUID('all', { message: 'siteId : choisissez un terrain de stage.' })
  siteId!: string;

  @OneOf(SITE_ROLES, { message: 'choisissez le rôle au sein du terrain.' })
  role!: SiteRole;

  /** First day at the site, when known. */
  @IsIsoDate('optional')
  startDate?: string | null;
}

/** `PATCH /api/professional-site-links/:id`: the role or the start date of a current link. */
export class UpdateSiteLinkDto extends VersionDto {
  @OneOf(SITE_ROLES, { presence: 'omittable', message: 'choisissez le rôle au sein du terrain.' })
  role?: SiteRole;

  @IsIsoDate('optional')
  startDate?: string | null;
}

/** `POST /api/professional-site-links/:id/end`: the last day at the site (today or before). */
export class EndSiteLinkDto extends VersionDto {
  @IsIsoDate()
  @NotInFuture()
  endDate!: string;
}
