export const ACCESS_ISSUE_CATEGORIES = [
  'public_transport',
  'distance',
  'housing',
  'parking',
  'premises',
  'it',
  'supervision',
  'pay',
  'safety',
  'other',
] as const;
export type AccessIssueCategory = (typeof ACCESS_ISSUE_CATEGORIES)[number];
export const ACCESS_ISSUE_CATEGORY_LABELS: Readonly<Record<AccessIssueCategory, string>> = {
  public_transport: 'Transports en commun',
  distance: 'Distance',
  housing: 'Logement',
  parking: 'Stationnement',
  premises: 'Locaux et équipement',
  it: 'Informatique et logiciels',
  supervision: 'Encadrement',
  pay: 'Rémunération et indemnités',
  safety: 'Sécurité',
  other: 'Autre',
};

export const ACCESS_ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'wont_fix'] as const;
export type AccessIssueStatus = (typeof ACCESS_ISSUE_STATUSES)[number];
export const ACCESS_ISSUE_STATUS_LABELS: Readonly<Record<AccessIssueStatus, string>> = {
  open: 'Ouverte',
  in_progress: 'En cours de traitement',
  resolved: 'Résolue',
  wont_fix: 'Sans suite',
};
export function isAccessIssueOpen(status: AccessIssueStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

export const ACCESS_ISSUE_SOURCES = ['visit', 'intern', 'msu', 'cdom'] as const;
export type AccessIssueSource = (typeof ACCESS_ISSUE_SOURCES)[number];
export const ACCESS_ISSUE_SOURCE_LABELS: Readonly<Record<AccessIssueSource, string>> = {
  visit: 'Visite de site',
  intern: 'Interne',
  msu: 'Maître de stage',
  cdom: 'CDOM',
};

/** 1 = minor … 4 = blocks hosting students. */
export const SEVERITIES = [1, 2, 3, 4] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  1: 'Mineure',
  2: 'Gênante',
  3: 'Sérieuse',
  4: 'Bloquante',
};
