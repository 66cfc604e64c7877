export const COMMITTEE_KINDS = ['follow_up', 'strategic'] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Readonly<Record<CommitteeKind, string>> = {
  follow_up: 'Comité de suivi',
  strategic: 'Comité stratégique',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Readonly<Record<MeetingStatus, string>> = {
  planned: 'Programmé',
  held: 'Tenu',
  cancelled: 'Annulé',
};

export const ORGANISATIONS = ['departement', 'cdom', 'ars', 'faculte', 'cpam', 'elu', 'autre'] as const;
export type Organisation = (typeof ORGANISATIONS)[number];
export const ORGANISATION_LABELS: Readonly<Record<Organisation, string>> = {
  departement: 'Département',
  cdom: 'CDOM',
  ars: 'ARS',
  faculte: 'Faculté de médecine',
  cpam: 'CPAM',
  elu: 'Élu·e',
  autre: 'Autre',
};

export interface MeetingAttendee {
  name: string;
  organisation: Organisation;
  /** Function, e.g. "Vice-président chargé de la santé". */
  title?: string | null;
  present: boolean;
}

export interface MeetingDecision {
  text: string;
}

export const REPORT_STATUSES = ['draft', 'presented', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: 'Brouillon',
  presented: 'Présenté',
  approved: 'Approuvé',
};

/** The narrative sections of the annual activity report, in order. */
export const REPORT_SECTIONS = [
  'introduction',
  'msu_promotion',
  'access_difficulties',
  'measures',
  'territory_promotion',
  'outlook',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Readonly<Record<ReportSection, string>> = {
  introduction: 'Introduction',
  msu_promotion: 'Promotion de la maîtrise de stage universitaire',
  access_difficulties: 'Difficultés d’accès aux terrains de stage',
  measures: 'Dispositifs et mesures',
  territory_promotion: 'Valorisation du territoire',
  outlook: 'Perspectives',
};

/** What an annual report lacks before approval: empty sections, a year not over on `today` (ISO). */
export interface ReportApprovalGaps {
  /** Labels of the sections without text, in the report's order. */
  emptySections: string[];
  yearNotOver: boolean;
  /** One French sentence per gap (empty: nothing missing, no confirmation needed). */
  messages: string[];
}

/**
 * The gaps that make approving a report need the mission officer's explicit confirmation (the API
 * refuses without it; the screen lists them in the approval dialog).
 */
export function reportApprovalGaps(
  report: { year: number; sections: Partial<Record<ReportSection, string>> },
  today: string,
): ReportApprovalGaps {
  const emptySections = REPORT_SECTIONS.filter((s) => !report.sections[s]?.trim()).map((s) => REPORT_SECTION_LABELS[s]);
  const yearNotOver = today <= `${report.year}-12-31`;
  const messages: string[] = [];
  if (emptySections.length > 0) {
    const n = emptySections.length;
    messages.push(
      `${n} section${n > 1 ? 's' : ''} sur ${REPORT_SECTIONS.length} ${n > 1 ? 'sont vides' : 'est vide'} (${emptySections
        .map((l) => `« ${l} »`)
        .join(', ')})`,
    );
  }
  if (yearNotOver)
    messages.push(`l’année ${report.year} n’est pas terminée (elle s’achève le 31 décembre ${report.year})`);
  return { emptySections, yearNotOver, messages };
}
