import type { EntityManager } from 'typeorm';
import { currentZonageSql } from '../territory/zonage-in-force';

/**
 * What makes a training site's places "offered" in a semester, computed in SQL over the
 * registry (sites, the professionals practising there, accreditations, capacities). A read
 * model of its own: the semester plans, the dashboard, the offer snapshots, the annual report
 * and the map count places offered the same way, from here.
 */

/**
 * The CTEs `sites` (active, live sites of the départements `deps`, a `text[]` placeholder, `NULL`:
 * all), `links` (the professionals practising there) and `held` (the accreditations granted or
 * conditional held by one of those sites or one of those professionals, one row per site): what
 * makes a site's places "offered", shared by the semester plans (figures/semester-places.ts) and the map (map/map.sql.ts).
 */
export const heldAccreditationsCtes = (deps: string): string => `sites AS MATERIALIZED (
  SELECT s.id FROM training_sites s
  WHERE s.status = 'active' AND s.archived_at IS NULL
    AND (${deps}::text[] IS NULL OR s.departement_code = ANY(${deps}::text[]))
), links AS MATERIALIZED (
  SELECT ps.site_id, ps.professional_id FROM professional_sites ps WHERE ps.site_id = ANY(ARRAY(SELECT id FROM sites))
), held AS (
  SELECT a.site_id, a.stage_types, a.start_date, a.end_date FROM accreditations a
  WHERE a.site_id = ANY(ARRAY(SELECT id FROM sites))
    AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
  UNION ALL
  SELECT l.site_id, a.stage_types, a.start_date, a.end_date
  FROM links l JOIN accreditations a ON a.professional_id = l.professional_id
  WHERE a.professional_id = ANY(ARRAY(SELECT professional_id FROM links))
    AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
)`;

/**
 * Places offered per semester and stage type: the capacities of active, live sites that, on
 * the semester's first day, hold an accreditation in force (granted or conditional, started,
 * not ended) covering that stage type, either their own or one of a professional practising
 * there. A site counts its capacity once, whatever the number of such accreditations; the
 * capacity is not capped by the accreditations' maximum number of students. Statuses are
 * today's: an accreditation withdrawn since is not counted for a past semester.
 * `$1` codes, `$2` first days, `$3` départements (`NULL`: all).
 *
 * Written so that a département's plan reads only that département's rows, whatever the size of
 * the national tables, and in a few set-wise steps (docs/benchmarks-dashboard.md): the sites
 * through their (département, status) index; then the professionals practising there, the
 * accreditations held by those sites or those professionals and the sites' capacities, each read
 * with `= ANY(ARRAY(…))` of the ids found in the step before, which the by-site and
 * by-professional indexes serve (where joins let the planner hash, or compare each capacity with,
 * every row of France); the stage types covered on each semester's first day are then matched to
 * the capacities.
 */
/** The CTEs of `PLACES_OFFERED_SQL` up to `offered` (semester, site, stage type, places): one row per place-giving capacity. */
const offeredCtes = (deps: string) => `
WITH sem(semester, start_on) AS (SELECT * FROM unnest($1::text[], $2::date[])),
${heldAccreditationsCtes(deps)}, covered AS (
  SELECT DISTINCT sem.semester, h.site_id, st.stage_type
  FROM held h CROSS JOIN sem CROSS JOIN unnest(h.stage_types) AS st(stage_type)
  WHERE h.start_date <= sem.start_on AND (h.end_date IS NULL OR h.end_date >= sem.start_on)
), offered AS (
  SELECT cv.semester, cv.site_id, c.stage_type, c.places
  FROM covered cv
  JOIN site_capacities c ON c.site_id = cv.site_id AND c.stage_type = cv.stage_type AND c.places > 0
  WHERE c.site_id = ANY(ARRAY(SELECT id FROM sites))
)`;

export const PLACES_OFFERED_SQL = `${offeredCtes('$3')}
SELECT semester, stage_type AS "stageType", sum(places)::int AS offered
FROM offered GROUP BY semester, stage_type`;

/**
 * The same places (`PLACES_OFFERED_SQL`, docteurs juniors left out) split by the zone of the
 * site's commune in force on `$4`: ZIP and QPV_ZIP → ZIP, ZAC and QPV_ZAC → ZAC, anything else
 * (ZV, HZ, none) → other. Summed over the zones, the places are the plan's totals.
 */
export const PLACES_OFFERED_BY_ZONE_SQL = `${offeredCtes('$3')}, zoned AS (
  SELECT o.semester, o.site_id, o.places, CASE
    WHEN z.zonage IN ('ZIP', 'QPV_ZIP') THEN 'ZIP'
    WHEN z.zonage IN ('ZAC', 'QPV_ZAC') THEN 'ZAC'
    ELSE 'other' END AS zone
  FROM offered o
  JOIN training_sites s ON s.id = o.site_id
  LEFT JOIN LATERAL (SELECT ${currentZonageSql('s.commune_code', '$4')} AS zonage) z ON true
  WHERE o.stage_type <> 'DJ_MG'
)
SELECT semester, zone, count(DISTINCT site_id)::int AS sites, sum(places)::int AS offered
FROM zoned GROUP BY semester, zone`;

/** Places offered per semester and stage type (`PLACES_OFFERED_SQL`), over `departements` (`null`: all). */
export function placesOffered(
  manager: EntityManager,
  codes: readonly string[],
  firstDays: readonly string[],
  departements: readonly string[] | null,
): Promise<{ semester: string; stageType: string; offered: number }[]> {
  return manager.query(PLACES_OFFERED_SQL, [codes, firstDays, departements]);
}

/** Places offered per semester and zone on `zonedOn` (`PLACES_OFFERED_BY_ZONE_SQL`), docteurs juniors apart. */
export function placesOfferedByZone(
  manager: EntityManager,
  codes: readonly string[],
  firstDays: readonly string[],
  departements: readonly string[],
  zonedOn: string,
): Promise<{ semester: string; zone: string; sites: number; offered: number }[]> {
  return manager.query(PLACES_OFFERED_BY_ZONE_SQL, [codes, firstDays, departements, zonedOn]);
}
