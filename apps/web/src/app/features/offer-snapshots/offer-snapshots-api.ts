import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  isSemesterCode,
  OFFER_ZONE_LABELS,
  type OfferSnapshotDetail,
  type OfferSnapshotInput,
  type OfferZone,
  PAGE_SIZE_DEFAULT,
  semesterLabel,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SiteKind,
  type SiteStatus,
  type SnapshotComparisonRow,
  STAGE_TYPE_LABELS,
  type StageType,
} from '@maillage/shared/domain';
import { defineList } from '@maillage/web/util';
import type { Observable } from 'rxjs';

export const OFFER_SNAPSHOTS_URL = '/api/offer-snapshots';
/** The list pages through the snapshots, newest first: `/etat-offre?page=2`. */
/** The columns `GET /api/offer-snapshots` sorts by (the figures are frozen inside each snapshot). */
export const SNAPSHOT_SORT_FIELDS = ['takenOn', 'title'] as const;

export const SNAPSHOT_LIST = defineList({
  filters: {},
  /** The latest snapshot first. */
  sort: { fields: SNAPSHOT_SORT_FIELDS, default: { field: 'takenOn', direction: 'desc' } },
  paging: { pageSize: PAGE_SIZE_DEFAULT, pageSizes: [PAGE_SIZE_DEFAULT] },
});

export const OFFER_SNAPSHOT_CONFLICT_MESSAGE = 'Ce relevé a été modifié entre-temps : rechargez la page.';

const COUNT = new Intl.NumberFormat('fr-FR');

/** « 1 234 », « −11 » (French grouping, true minus sign); « — » when the figure is missing. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value < 0 ? `−${COUNT.format(-value)}` : COUNT.format(value);
}

/** « +3 », « −2 » (true minus sign), « 0 »; « — » when one side is missing. */
export function formatDifference(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '0';
  return value > 0 ? `+${COUNT.format(value)}` : `−${COUNT.format(-value)}`;
}

/** How to read a change: good news, bad news, or neither (demand, prospects). */
export type DifferenceTone = 'better' | 'worse' | 'neutral' | 'unchanged';

/** Whether more of a figure is good (`1`), bad (`-1`) or neither (`0`), from its comparison key. */
export function figureSense(key: string): 1 | -1 | 0 {
  if (/watched|openIssues|OpenIssues/.test(key)) return -1;
  if (/^sites\.byStatus\.(closed|suspended)$/.test(key)) return -1;
  if (/requested|Requested|^sites\.byStatus\.prospect$/.test(key)) return 0;
  return 1;
}

export function differenceTone(key: string, difference: number | null | undefined): DifferenceTone {
  if (difference === null || difference === undefined || difference === 0) return 'unchanged';
  const sense = figureSense(key);
  if (sense === 0) return 'neutral';
  return difference * sense > 0 ? 'better' : 'worse';
}

/** The tone of a gap (offered − requested): a shortfall is bad news. */
export function gapTone(gap: number): DifferenceTone {
  if (gap === 0) return 'unchanged';
  return gap > 0 ? 'better' : 'worse';
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  offered: 'places offertes',
  requested: 'places demandées',
  gap: 'écart',
  placesOffered: 'places offertes',
};

/** One block of the side-by-side comparison ("Chiffres clés", "Hiver 2026-2027 — places par type de stage"…). */
export interface ComparisonSection {
  key: string;
  title: string;
  rows: ComparisonLine[];
}

export interface ComparisonLine extends SnapshotComparisonRow {
  /** The label within its section (the section title is not repeated). */
  shortLabel: string;
  tone: DifferenceTone;
}

function semesterTitle(code: string): string {
  return isSemesterCode(code) ? semesterLabel(code) : code;
}

/** Where a comparison row goes and how it is named there. */
function place(row: SnapshotComparisonRow): { section: string; title: string; label: string } {
  const parts = row.key.split('.');
  switch (parts[0]) {
    case 'keyFigures':
      return { section: 'keyFigures', title: 'Chiffres clés', label: row.label };
    case 'sites':
      if (parts[1] === 'byStatus') {
        return {
          section: 'sites.byStatus',
          title: 'Terrains par statut',
          label: SITE_STATUS_LABELS[parts[2] as SiteStatus] ?? row.label,
        };
      }
      return {
        section: 'sites.byKind',
        title: 'Terrains par type',
        label: SITE_KIND_LABELS[parts[2] as SiteKind] ?? row.label,
      };
    case 'semesters': {
      const [, code, stage, field] = parts;
      return {
        section: `semesters.${code}`,
        title: `${semesterTitle(code)} — places par type de stage`,
        label: `${STAGE_TYPE_LABELS[stage as StageType] ?? stage} — ${FIELD_LABELS[field] ?? field}`,
      };
    }
    case 'zones': {
      const [, code, zone] = parts;
      return {
        section: `zones.${code}`,
        title: `${semesterTitle(code)} — places offertes par zone`,
        label: OFFER_ZONE_LABELS[zone as OfferZone] ?? row.label,
      };
    }
    default:
      return { section: 'other', title: 'Autres chiffres', label: row.label };
  }
}

/**
 * The comparison rows grouped into sections, in the API's order (key figures, sites, then each
 * semester); `changedOnly` keeps only the rows whose value moved (or exists on one side only).
 */
export function comparisonSections(rows: readonly SnapshotComparisonRow[], changedOnly = false): ComparisonSection[] {
  const sections = new Map<string, ComparisonSection>();
  for (const row of rows) {
    if (changedOnly && row.difference === 0) continue;
    const where = place(row);
    let section = sections.get(where.section);
    if (!section) {
      section = { key: where.section, title: where.title, rows: [] };
      sections.set(where.section, section);
    }
    section.rows.push({ ...row, shortLabel: where.label, tone: differenceTone(row.key, row.difference) });
  }
  return [...sections.values()];
}

/** The default title of a new snapshot: « État de l’offre au 22/11/2026 ». */
export function defaultSnapshotTitle(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `État de l’offre au ${pad(today.getDate())}/${pad(today.getMonth() + 1)}/${today.getFullYear()}`;
}

@Injectable({ providedIn: 'root' })
export class OfferSnapshotsApi {
  private readonly http = inject(HttpClient);

  /** Takes a snapshot of today's figures: they are frozen from then on. */
  take(input: OfferSnapshotInput): Observable<OfferSnapshotDetail> {
    return this.http.post<OfferSnapshotDetail>(OFFER_SNAPSHOTS_URL, input);
  }

  /** Archives a snapshot from the version read (`If-Match`); its figures are never changed. */
  archive(snapshot: { id: string; version: number }): Observable<void> {
    return this.http.delete<void>(`${OFFER_SNAPSHOTS_URL}/${snapshot.id}`, {
      headers: { 'If-Match': `"${snapshot.version}"` },
    });
  }
}
