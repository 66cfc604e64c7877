import {
  addMonths,
  nextSemester,
  OFFER_KEY_FIGURES,
  OFFER_SEMESTER_KEY_FIGURES,
  OFFER_ZONE_LABELS,
  OFFER_ZONES,
  type OfferFigures,
  type OfferKeyFigure,
  type OfferProgress,
  type OfferSemesterFigures,
  type OfferZone,
  type OfferZoneFigures,
  type SemesterCode,
  semesterKeyFigure,
  semesterOf,
  semesterRange,
  SITE_KINDS,
  SITE_STATUSES,
  type SiteKind,
  type SiteStatus,
  WATCH_NOT_VISITED_MONTHS,
  type WatchedSite,
  type WatchReason,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { msuFunnel } from '../figures/msu-funnel';
import { semesterPlaces } from '../figures/semester-places';
import { placesOfferedByZone } from '../offer/places-offered';

const OPEN_ISSUES = `SELECT i.site_id, count(*)::int AS n FROM access_issues i
  WHERE i.archived_at IS NULL AND i.status IN ('open', 'in_progress') GROUP BY i.site_id`;

/**
 * Sites under watch: live, not closed sites with open access issues (open or in progress),
 * or active sites without a done visit in the last 12 months (never visited included).
 * `$1` département, `$2` threshold date.
 */
const WATCHED_SQL = `
SELECT s.id, s.name, s.status, c.name AS commune_name, COALESCE(oi.n, 0) AS open_issues,
  (SELECT max(v.visited_on) FROM site_visits v
    WHERE v.site_id = s.id AND v.status = 'done' AND v.archived_at IS NULL)::text AS last_visit_on
FROM training_sites s
JOIN communes c ON c.code = s.commune_code
LEFT JOIN (${OPEN_ISSUES}) oi ON oi.site_id = s.id
WHERE s.departement_code = $1 AND s.archived_at IS NULL AND s.status <> 'closed'`;

interface WatchRow {
  id: string;
  name: string;
  status: SiteStatus;
  commune_name: string;
  open_issues: number;
  last_visit_on: string | null;
}

const zero = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Everything a snapshot freezes, for one département at `today` (progress against `previous`). */
export async function computeOfferFigures(
  manager: EntityManager,
  departementCode: string,
  today: string,
  previous: { id: string; takenOn: string; figures: OfferFigures } | null,
): Promise<OfferFigures> {
  const current = semesterOf(today);
  const codes: SemesterCode[] = [current, nextSemester(current)];

  const siteRows: { status: SiteStatus; kind: SiteKind; n: number }[] = await manager.query(
    `SELECT status, kind, count(*)::int AS n FROM training_sites
     WHERE departement_code = $1 AND archived_at IS NULL GROUP BY status, kind`,
    [departementCode],
  );
  const byStatus = zero(SITE_STATUSES);
  const byKind = zero(SITE_KINDS);
  for (const r of siteRows) {
    byStatus[r.status] += r.n;
    byKind[r.kind] += r.n;
  }

  const pipeline = await msuFunnel(manager, [departementCode]);
  const msus = { accredited: pipeline.count('accredited'), active: pipeline.count('active') };

  // Places: `semesterPlaces` (as the dashboard, Semestres and the report), docteurs juniors apart.
  const plans = await semesterPlaces(manager, codes, [departementCode]);
  const semesters: OfferSemesterFigures[] = plans.map((p) => ({
    semester: p.semester,
    label: p.label,
    stageTypes: p.stageTypes
      .filter((r) => r.offered || r.requested)
      .map((r) => ({ stageType: r.stageType, offered: r.offered, requested: r.requested, gap: r.gap })),
    totals: { offered: p.totals.offered, requested: p.totals.requested, filled: p.totals.filled, gap: p.totals.gap },
    docteurJunior: p.docteurJunior
      ? {
          stageType: 'DJ_MG',
          offered: p.docteurJunior.offered,
          requested: p.docteurJunior.requested,
          gap: p.docteurJunior.gap,
        }
      : null,
  }));

  const zoneRows = (await placesOfferedByZone(
    manager,
    codes,
    codes.map((c) => semesterRange(c).start),
    [departementCode],
    today,
  )) as { semester: string; zone: OfferZone; sites: number; offered: number }[];
  const zones: OfferZoneFigures[] = semesters.map((s) => {
    const rows = OFFER_ZONES.map((zone) => {
      const row = zoneRows.find((r) => r.semester === s.semester && r.zone === zone);
      return { zone, label: OFFER_ZONE_LABELS[zone], sites: row?.sites ?? 0, placesOffered: row?.offered ?? 0 };
    });
    return {
      semester: s.semester,
      rows,
      placesOffered: rows.reduce((sum, r) => sum + r.placesOffered, 0),
      placesRequested: s.totals.requested,
      gap: rows.reduce((sum, r) => sum + r.placesOffered, 0) - s.totals.requested,
    };
  });

  const threshold = addMonths(today, -WATCH_NOT_VISITED_MONTHS);
  const candidates: WatchRow[] = await manager.query(WATCHED_SQL, [departementCode]);
  const watchedSites: WatchedSite[] = candidates
    .map((r) => {
      const reasons: WatchReason[] = [];
      if (r.open_issues > 0) reasons.push('open_issues');
      if (r.status === 'active' && (r.last_visit_on === null || r.last_visit_on < threshold))
        reasons.push('not_visited');
      return {
        siteId: r.id,
        name: r.name,
        communeName: r.commune_name,
        status: r.status,
        openIssues: r.open_issues,
        lastVisitOn: r.last_visit_on,
        reasons,
      };
    })
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) => b.openIssues - a.openIssues || a.name.localeCompare(b.name, 'fr'));

  const [cur, next] = semesters;
  const keyFigures: Record<OfferKeyFigure, number> = {
    sitesActive: byStatus.active,
    sitesLive: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    msusAccredited: msus.accredited,
    msusActive: msus.active,
    placesOfferedCurrent: cur.totals.offered,
    placesRequestedCurrent: cur.totals.requested,
    gapCurrent: cur.totals.gap,
    placesOfferedNext: next.totals.offered,
    placesRequestedNext: next.totals.requested,
    gapNext: next.totals.gap,
    watchedSites: watchedSites.length,
    watchedOpenIssues: watchedSites.reduce((sum, s) => sum + s.openIssues, 0),
  };

  const progress = previous
    ? await progressSince(manager, previous, { keyFigures, semesters }, watchedSites, candidates)
    : null;
  return {
    takenOn: today,
    departementCode,
    keyFigures,
    sites: { byStatus, byKind },
    msus,
    semesters,
    zones,
    watchedSites,
    progress,
  };
}

async function progressSince(
  manager: EntityManager,
  previous: { id: string; takenOn: string; figures: OfferFigures },
  now: Pick<OfferFigures, 'keyFigures' | 'semesters'>,
  watched: readonly WatchedSite[],
  candidates: readonly WatchRow[],
): Promise<OfferProgress> {
  const before = previous.figures.watchedSites ?? [];
  // Sites archived or closed since are not among the candidates: count their open issues directly.
  const missing = before.filter((s) => !candidates.some((c) => c.id === s.siteId)).map((s) => s.siteId);
  const extra: { site_id: string; n: number }[] = missing.length
    ? await manager.query(
        `SELECT i.site_id, count(*)::int AS n FROM access_issues i WHERE i.site_id = ANY($1::uuid[])
         AND i.archived_at IS NULL AND i.status IN ('open', 'in_progress') GROUP BY i.site_id`,
        [missing],
      )
    : [];
  const openNow = (siteId: string) =>
    candidates.find((c) => c.id === siteId)?.open_issues ?? extra.find((e) => e.site_id === siteId)?.n ?? 0;
  return {
    previousSnapshotId: previous.id,
    previousTakenOn: previous.takenOn,
    // Per-semester figures are compared on the same semester (the previous snapshot may have been
    // taken in the semester before); a semester the previous snapshot did not cover is left out.
    figures: OFFER_KEY_FIGURES.flatMap((key) => {
      const current = semesterKeyFigure(key, now);
      const was = OFFER_SEMESTER_KEY_FIGURES[key]
        ? semesterKeyFigure(key, previous.figures, now).value
        : (previous.figures.keyFigures?.[key] ?? 0);
      if (was === null || current.value === null) return [];
      return [{ key, label: current.label, previous: was, current: current.value, difference: current.value - was }];
    }),
    watchedSites: before.map((s) => {
      const now = openNow(s.siteId);
      return {
        siteId: s.siteId,
        name: s.name,
        openIssuesBefore: s.openIssues,
        openIssuesNow: now,
        decreased: now < s.openIssues,
        stillWatched: watched.some((w) => w.siteId === s.siteId),
      };
    }),
  };
}
