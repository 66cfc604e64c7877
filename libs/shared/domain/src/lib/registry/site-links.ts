/** What a professional does at a site where they practise. */
export const SITE_ROLES = ['holder', 'partner', 'collaborator', 'employee', 'locum', 'coordinator'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const SITE_ROLE_LABELS: Readonly<Record<SiteRole, string>> = {
  holder: 'Titulaire',
  partner: 'Associé·e',
  collaborator: 'Collaborateur·rice',
  employee: 'Salarié·e',
  locum: 'Remplaçant·e',
  coordinator: 'Coordinateur·rice',
};

/**
 * A professional practising at a site (`GET /api/professional-site-links?professional=…` or
 * `?site=…`): a current link (`endDate` null), or a period that has ended (kept as history).
 */
export interface ProfessionalSiteLink {
  id: string;
  /** Current links can be edited (`PATCH`) and ended (`POST :id/end`) with this version. */
  version: number;
  current: boolean;
  professional: { id: string; name: string };
  site: { id: string; name: string; communeName: string | null };
  /** Null for links recorded before roles were (imports, older records). */
  role: SiteRole | null;
  startDate: string | null;
  endDate: string | null;
}

/** Body of `POST /api/professional-site-links`. */
export interface ProfessionalSiteLinkInput {
  professionalId: string;
  siteId: string;
  role: SiteRole;
  startDate?: string | null;
}
