/*
 * The map's aggregate queries, one per table family, each grouped per commune in SQL. Every one
 * takes `$1` the départements (`NULL`: all). Records are placed in a commune through their site's
 * commune; only live (non-archived) sites and records count.
 *
 * Each query first takes the département's rows through its (département, …) index, then reads
 * every other table with `col = ANY(ARRAY(SELECT … ids of the step before))`, which that table's
 * by-id index serves, or with one unique-index probe per row of such a step (`LATERAL … OFFSET 0`):
 * a join let the planner scan the national table whole (all the communes' contours, all the
 * professional–site links of France; docs/benchmarks-dashboard.md). The same set-wise steps as the
 * dashboard's registry and the semester plans (offer/places-offered.ts).
 */

import { heldAccreditationsCtes } from '../offer/places-offered';
import { currentZonagesSql } from '../territory/zonage-in-force';

const DEPS = (alias: string) => `($1::text[] IS NULL OR ${alias}.departement_code = ANY($1::text[]))`;
/**
 * A step restricted to the ids of the step before, except for all départements (`$1` NULL, folded
 * when the query is planned): there every row counts and a join over whole tables is the right plan.
 */
const AMONG = (condition: string) => `($1::text[] IS NULL OR ${condition})`;

/** The communes with their EPCI, their zonage in force on `$2`, and their contour's anchor. */
export const COMMUNES_SQL = `
WITH cs AS MATERIALIZED (
  SELECT c.code, c.name, c.population, c.epci_siren FROM communes c WHERE ${DEPS('c')}
), zonages AS (
  ${currentZonagesSql(AMONG('cz.commune_code = ANY(ARRAY(SELECT code FROM cs))'), '$2')}
), epcis_of AS (
  SELECT e.siren, e.name FROM epcis e WHERE ${AMONG('e.siren = ANY(ARRAY(SELECT DISTINCT epci_siren FROM cs))')}
), anchors AS (
  SELECT k.commune_code, k.anchor_latitude, k.anchor_longitude
  FROM commune_contours k WHERE ${AMONG('k.commune_code = ANY(ARRAY(SELECT code FROM cs))')}
)
SELECT c.code, c.name, c.population, c.epci_siren AS "epciSiren", e.name AS "epciName", z.zonage,
  (k.commune_code IS NOT NULL) AS "hasContour", k.anchor_latitude AS "anchorLatitude", k.anchor_longitude AS "anchorLongitude"
FROM cs c
LEFT JOIN epcis_of e ON e.siren = c.epci_siren
LEFT JOIN anchors k ON k.commune_code = c.code
LEFT JOIN zonages z ON z.commune_code = c.code
ORDER BY c.code`;

/**
 * Per commune, the MSU (stage « accredited » or « active ») practising at one of its live sites (a
 * professional who practises in two communes counts in each, once per commune). General
 * practitioners come from the RPPS directory (figures/gp-density.ts), not from the registry.
 * The sites, then their links to professionals (by-site index); the professionals are those of the
 * département (by its index, as the dashboard's registry: 2 000 look-ups by id cost more) and, by
 * id, any other one practising there (a professional of another département; usually none).
 */
export const PROFESSIONALS_SQL = `
WITH sites AS MATERIALIZED (
  SELECT s.id, s.commune_code FROM training_sites s WHERE s.archived_at IS NULL AND ${DEPS('s')}
), links AS MATERIALIZED (
  SELECT ps.site_id, ps.professional_id FROM professional_sites ps
  WHERE ${AMONG('ps.site_id = ANY(ARRAY(SELECT id FROM sites))')}
), own AS MATERIALIZED (
  SELECT p.id, p.msu_stage, p.specialty FROM professionals p WHERE p.archived_at IS NULL AND ${DEPS('p')}
), pros AS MATERIALIZED (
  SELECT id, msu_stage, specialty FROM own
  UNION ALL
  SELECT p.id, p.msu_stage, p.specialty FROM professionals p
  WHERE $1::text[] IS NOT NULL AND p.archived_at IS NULL
    AND p.id = ANY(ARRAY(SELECT professional_id FROM links EXCEPT SELECT id FROM own))
), practising AS (
  SELECT DISTINCT s.commune_code, p.id, p.msu_stage
  FROM links l JOIN sites s ON s.id = l.site_id JOIN pros p ON p.id = l.professional_id
)
SELECT commune_code AS "communeCode",
  count(*) FILTER (WHERE msu_stage IN ('accredited', 'active'))::int AS msus
FROM practising
GROUP BY commune_code`;

/**
 * Per commune, the live access issues open or in progress at one of its live sites: counted per site
 * through the (département, status, …) index, then each site's commune read by its id.
 */
export const ISSUES_SQL = `
WITH per_site AS MATERIALIZED (
  SELECT ai.site_id, count(*) AS n FROM access_issues ai
  WHERE ai.archived_at IS NULL AND ${DEPS('ai')} AND ai.status IN ('open', 'in_progress')
  GROUP BY ai.site_id
)
SELECT s.commune_code AS "communeCode", sum(i.n)::int AS "openIssues"
FROM per_site i
CROSS JOIN LATERAL (
  SELECT s.commune_code FROM training_sites s WHERE s.id = i.site_id AND s.archived_at IS NULL OFFSET 0
) s
GROUP BY s.commune_code`;

/**
 * Per commune, the places offered on the semester's first day (`$2`), as in the semester plans
 * (offer/places-offered.ts, same set-wise steps): the capacities of active, live sites holding
 * an accreditation in force (granted or conditional, started, not ended) covering that stage type,
 * their own or one of a professional practising there; a capacity counts once.
 */
export const PLACES_SQL = `
WITH ${heldAccreditationsCtes('$1')}, covered AS (
  SELECT DISTINCT h.site_id, st.stage_type
  FROM held h CROSS JOIN unnest(h.stage_types) AS st(stage_type)
  WHERE h.start_date <= $2::date AND (h.end_date IS NULL OR h.end_date >= $2::date)
)
SELECT s.commune_code AS "communeCode", sum(c.places)::int AS "placesOffered"
FROM covered cv
CROSS JOIN LATERAL (SELECT c.places FROM site_capacities c
  WHERE c.site_id = cv.site_id AND c.stage_type = cv.stage_type AND c.places > 0 OFFSET 0) c
CROSS JOIN LATERAL (SELECT s.commune_code FROM training_sites s WHERE s.id = cv.site_id OFFSET 0) s
GROUP BY s.commune_code`;

/** The live sites, by name, with their own coordinates. */
export const SITES_SQL = `
SELECT s.id, s.name, s.kind, s.status, s.commune_code AS "communeCode", s.latitude, s.longitude
FROM training_sites s
WHERE s.archived_at IS NULL AND ${DEPS('s')}
ORDER BY s.name, s.id`;
