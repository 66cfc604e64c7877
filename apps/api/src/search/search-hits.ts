import {
  type Civility,
  COMMITTEE_KIND_LABELS,
  type CommitteeKind,
  hasPermission,
  listLink,
  MSU_STAGE_LABELS,
  type MsuStage,
  professionalDisplayName,
  recordLink,
  REFERRAL_STATUS_LABELS,
  type ReferralStatus,
  type Role,
  type SearchHit,
  type SearchKind,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SiteKind,
  type SiteStatus,
  todayInFrance,
  VISIT_PURPOSE_LABELS,
  VISIT_STATUS_LABELS,
  type VisitPurpose,
  type VisitStatus,
} from '@maillage/shared/domain';

type Row = Record<string, unknown> & { id: string; score: number };

const short = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');
const line = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' · ') || null;
const number = new Intl.NumberFormat('fr-FR');

/**
 * How each kind's rows read in the search box: a title, a second line, a link into the
 * dashboard. The second line holds only what the role may read (no RPPS without
 * `professionals.readRpps`; never a contact, a note or a visit's findings).
 */
export const SEARCH_HITS: Readonly<Record<SearchKind, (row: Row, role: Role) => Omit<SearchHit, 'score' | 'id'>>> = {
  professionals: (r, role) => ({
    title: professionalDisplayName({
      civility: r['civility'] as Civility | null,
      firstName: r['first_name'] as string,
      lastName: r['last_name'] as string,
    }),
    subtitle: line(
      MSU_STAGE_LABELS[r['msu_stage'] as MsuStage],
      r['specialty'] as string | null,
      hasPermission(role, 'professionals.readRpps') && r['rpps'] ? `RPPS ${r['rpps'] as string}` : null,
    ),
    link: recordLink('professionals', r.id),
  }),
  sites: (r) => ({
    title: r['name'] as string,
    subtitle: line(
      r['commune_name'] as string | null,
      SITE_KIND_LABELS[r['kind'] as SiteKind],
      SITE_STATUS_LABELS[r['status'] as SiteStatus],
    ),
    link: recordLink('sites', r.id),
  }),
  communes: (r, role) => {
    const postalCodes = (r['postal_codes'] as string[] | null) ?? [];
    const population = r['population'] as number | null;
    return {
      title: r['name'] as string,
      subtitle: line(
        postalCodes.join(', '),
        `département ${r['departement_code'] as string}`,
        population !== null && `${number.format(population)} habitants`,
      ),
      // The sites of the commune for those who read sites, the territory page for the others.
      link: hasPermission(role, 'sites.read')
        ? listLink('sites', { commune: r.id })
        : listLink('territory', { q: r['name'] as string }),
    };
  },
  referrals: (r) => ({
    title: professionalDisplayName({
      civility: r['civility'] as Civility | null,
      firstName: r['first_name'] as string,
      lastName: r['last_name'] as string,
    }),
    subtitle: line(
      `Signalement ${REFERRAL_STATUS_LABELS[r['status'] as ReferralStatus].toLowerCase()}`,
      `reçu le ${short(todayInFrance(r['created_at'] as Date))}`,
    ),
    link: recordLink('referrals', r.id),
  }),
  visits: (r) => {
    const date = (r['visited_on'] as string | null) ?? (r['planned_on'] as string);
    return {
      title: `Visite du ${short(date)} — ${r['site_name'] as string}`,
      subtitle: line(
        VISIT_STATUS_LABELS[r['status'] as VisitStatus],
        VISIT_PURPOSE_LABELS[r['purpose'] as VisitPurpose],
      ),
      link: recordLink('visits', r.id),
    };
  },
  committees: (r) => ({
    title: r['title'] as string,
    subtitle: line(COMMITTEE_KIND_LABELS[r['kind'] as CommitteeKind], short(r['held_on'] as string)),
    link: recordLink('committees', r.id),
  }),
};

/** The dashboard's list with the same search, where there is one. */
export function searchListLink(kind: SearchKind, q: string): string | null {
  switch (kind) {
    case 'professionals':
      return listLink('professionals', { q });
    case 'sites':
      return listLink('sites', { q });
    case 'referrals':
      return listLink('referrals', { q });
    case 'visits':
      return listLink('visits', { q });
    case 'communes':
      return listLink('territory', { q });
    case 'committees':
      return null;
  }
}
