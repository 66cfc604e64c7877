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
