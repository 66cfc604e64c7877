import type { TaskStatus } from '../fieldwork/tasks';
import type { MsuStage } from '../registry/professionals';
import type { SiteKind, SiteStatus } from '../registry/sites';
import type { StageType } from '../registry/stage-types';
import type { CommitteeKind, MeetingAttendee, MeetingDecision, MeetingStatus } from './committees';

export const COMMITTEE_AUDIT_ENTITY_TYPES = {
  snapshot: 'offer_snapshot',
  meeting: 'committee_meeting',
  task: 'task',
} as const;

/** A site is watched when it has open access issues, or is active and not visited for this many months. */
export const WATCH_NOT_VISITED_MONTHS = 12;

/** Zonage groups of the offer snapshot: ZIP (ZIP, QPV_ZIP), ZAC (ZAC, QPV_ZAC), other (ZV, HZ, none). */
export const OFFER_ZONES = ['ZIP', 'ZAC', 'other'] as const;
export type OfferZone = (typeof OFFER_ZONES)[number];
export const OFFER_ZONE_LABELS: Readonly<Record<OfferZone, string>> = {
  ZIP: 'Zone d’intervention prioritaire (ZIP)',
  ZAC: 'Zone d’action complémentaire (ZAC)',
  other: 'Autres communes',
};

/** The main figures of a snapshot, compared from one snapshot to the next. */
export const OFFER_KEY_FIGURES = [
  'sitesActive',
  'sitesLive',
  'msusAccredited',
  'msusActive',
  'placesOfferedCurrent',
  'placesRequestedCurrent',
  'gapCurrent',
  'placesOfferedNext',
  'placesRequestedNext',
  'gapNext',
  'watchedSites',
  'watchedOpenIssues',
] as const;
export type OfferKeyFigure = (typeof OFFER_KEY_FIGURES)[number];
export const OFFER_KEY_FIGURE_LABELS: Readonly<Record<OfferKeyFigure, string>> = {
  sitesActive: 'Terrains actifs',
  sitesLive: 'Terrains (tous statuts)',
  msusAccredited: 'MSU agréés (pas encore actifs)',
  msusActive: 'MSU actifs',
  placesOfferedCurrent: 'Places offertes hors docteurs juniors — semestre en cours',
  placesRequestedCurrent: 'Places demandées hors docteurs juniors — semestre en cours',
  gapCurrent: 'Écart — semestre en cours',
  placesOfferedNext: 'Places offertes hors docteurs juniors — semestre suivant',
  placesRequestedNext: 'Places demandées hors docteurs juniors — semestre suivant',
  gapNext: 'Écart — semestre suivant',
  watchedSites: 'Terrains sous surveillance',
  watchedOpenIssues: 'Difficultés ouvertes des terrains surveillés',
};

/**
 * Key figures that belong to a semester ("current" or "next" on the day the snapshot was taken).
 * Two snapshots taken in different semesters must be compared semester by semester, not by
 * position: `semesterKeyFigure` finds the value of a snapshot for a given semester code.
 */
export const OFFER_SEMESTER_KEY_FIGURES: Readonly<
  Partial<Record<OfferKeyFigure, { position: 0 | 1; field: 'offered' | 'requested' | 'gap'; label: string }>>
> = {
  placesOfferedCurrent: { position: 0, field: 'offered', label: 'Places offertes hors docteurs juniors' },
  placesRequestedCurrent: { position: 0, field: 'requested', label: 'Places demandées hors docteurs juniors' },
  gapCurrent: { position: 0, field: 'gap', label: 'Écart' },
  placesOfferedNext: { position: 1, field: 'offered', label: 'Places offertes hors docteurs juniors' },
  placesRequestedNext: { position: 1, field: 'requested', label: 'Places demandées hors docteurs juniors' },
  gapNext: { position: 1, field: 'gap', label: 'Écart' },
};

/**
 * The label and value of key figure `key` of a snapshot's `figures`, read for the semester
 * `reference` puts at that position (`reference` defaults to the snapshot itself): `null` when the
 * snapshot does not cover that semester. Figures that are not per semester are read as they are.
 */
export function semesterKeyFigure(
  key: OfferKeyFigure,
  figures: Pick<OfferFigures, 'keyFigures' | 'semesters'>,
  reference: Pick<OfferFigures, 'semesters'> = figures,
): { label: string; value: number | null } {
  const rule = OFFER_SEMESTER_KEY_FIGURES[key];
  if (!rule) return { label: OFFER_KEY_FIGURE_LABELS[key], value: figures.keyFigures?.[key] ?? null };
  const semester = reference.semesters[rule.position];
  if (!semester) return { label: OFFER_KEY_FIGURE_LABELS[key], value: null };
  const own = figures.semesters.find((s) => s.semester === semester.semester);
  return { label: `${rule.label} — ${semester.label}`, value: own ? own.totals[rule.field] : null };
}

export interface OfferStageRow {
  stageType: StageType;
  offered: number;
  requested: number;
  gap: number;
}

export interface OfferSemesterFigures {
  semester: string;
  label: string;
  /** Every stage type but the docteurs juniors (`DJ_MG`). */
  stageTypes: OfferStageRow[];
  /** Docteurs juniors excluded; `filled` absent from snapshots taken before it was frozen. */
  totals: { offered: number; requested: number; gap: number; filled?: number | null };
  /** Docteurs juniors, apart (absent from older snapshots, `null` before their first semester). */
  docteurJunior?: OfferStageRow | null;
}

export interface OfferZoneRow {
  zone: OfferZone;
  label: string;
  /** Sites offering at least one place in the semester. */
  sites: number;
  placesOffered: number;
}

/**
 * Places offered by zone for one semester. Requests (faculty, ARS) are not territorialised:
 * the requested places and the gap are the département's, shown against the zone split.
 */
export interface OfferZoneFigures {
  semester: string;
  rows: OfferZoneRow[];
  placesOffered: number;
  placesRequested: number;
  gap: number;
}

export type WatchReason = 'open_issues' | 'not_visited';

export interface WatchedSite {
  siteId: string;
  name: string;
  communeName: string;
  status: SiteStatus;
  openIssues: number;
  lastVisitOn: string | null;
  reasons: WatchReason[];
}

export interface KeyFigureDelta {
  key: OfferKeyFigure;
  label: string;
  previous: number;
  current: number;
  difference: number;
}

export interface WatchedSiteProgress {
  siteId: string;
  name: string;
  openIssuesBefore: number;
  openIssuesNow: number;
  /** `true` when the site has fewer open issues than in the previous snapshot. */
  decreased: boolean;
  stillWatched: boolean;
}

export interface OfferProgress {
  previousSnapshotId: string;
  previousTakenOn: string;
  figures: KeyFigureDelta[];
  watchedSites: WatchedSiteProgress[];
}

/** What a snapshot freezes (`figures` column). */
export interface OfferFigures {
  takenOn: string;
  departementCode: string;
  keyFigures: Record<OfferKeyFigure, number>;
  sites: { byStatus: Record<SiteStatus, number>; byKind: Record<SiteKind, number> };
  msus: Pick<Record<MsuStage, number>, 'accredited' | 'active'>;
  semesters: OfferSemesterFigures[];
  zones: OfferZoneFigures[];
  watchedSites: WatchedSite[];
  /** `null` for the first snapshot of the département. */
  progress: OfferProgress | null;
}

export interface OfferSnapshotSummary {
  id: string;
  departementCode: string;
  takenOn: string;
  title: string;
  note: string | null;
  takenByName: string | null;
  keyFigures: Record<OfferKeyFigure, number>;
  archivedAt: string | null;
  createdAt: string;
  version: number;
}

export interface OfferSnapshotDetail extends Omit<OfferSnapshotSummary, 'keyFigures'> {
  figures: OfferFigures;
}

export interface OfferSnapshotInput {
  title: string;
  note?: string | null;
  departementCode?: string;
}

export interface SnapshotComparisonRow {
  /** e.g. `keyFigures.sitesActive`, `sites.byStatus.active`, `semesters.2026-W.N1.offered`. */
  key: string;
  label: string;
  a: number | null;
  b: number | null;
  /** `b − a`; `null` when one side lacks the figure. */
  difference: number | null;
}

export interface SnapshotComparison {
  a: OfferSnapshotSummary;
  b: OfferSnapshotSummary;
  rows: SnapshotComparisonRow[];
}

export interface CommitteeMeetingInput {
  kind: CommitteeKind;
  status?: MeetingStatus;
  heldOn: string;
  title: string;
  location?: string | null;
  attendees?: MeetingAttendee[];
  agenda?: string | null;
  minutes?: string | null;
  decisions?: MeetingDecision[];
  snapshotId?: string | null;
  annualReportId?: string | null;
  departementCode?: string;
}

export interface MeetingActionInput {
  title: string;
  ownerId?: string | null;
  ownerLabel?: string | null;
  dueOn: string;
}

export interface MeetingActionTask {
  id: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerLabel: string | null;
  dueOn: string | null;
  status: TaskStatus;
}

export interface CommitteeMeetingSummary {
  id: string;
  departementCode: string;
  kind: CommitteeKind;
  status: MeetingStatus;
  heldOn: string;
  title: string;
  location: string | null;
  snapshotId: string | null;
  annualReportId: string | null;
  attendeeCount: number;
  archivedAt: string | null;
  version: number;
}

export interface CommitteeMeetingDetail extends CommitteeMeetingSummary {
  attendees: MeetingAttendee[];
  agenda: string | null;
  minutes: string | null;
  decisions: MeetingDecision[];
  snapshot: { id: string; title: string; takenOn: string } | null;
  annualReport: { id: string; title: string; year: number; status: string } | null;
  actions: MeetingActionTask[];
  createdAt: string;
  updatedAt: string;
}
