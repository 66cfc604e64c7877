/*
 * The map's aggregate queries, one per table family, each grouped per commune in SQL. Every one
 * takes `$1` the départements (`NULL`: all). Records are placed in a commune through their site's
 * commune; only live (non-archived) sites and records count.
 */

const DEPS = (alias: string) => `($1::text[] IS NULL OR ${alias}.departement_code = ANY($1::text[]))`;

/** The communes with their EPCI, their zonage in force on `$2`, and their contour's anchor. */
export const COMMUNES_SQL = `
SELECT c.code, c.name, c.population, c.epci_siren AS "epciSiren", e.name AS "epciName", z.zonage,
  (k.commune_code IS NOT NULL) AS "hasContour", k.anchor_latitude AS "anchorLatitude", k.anchor_longitude AS "anchorLongitude"
FROM communes c
LEFT JOIN epcis e ON e.siren = c.epci_siren
LEFT JOIN commune_contours k ON k.commune_code = c.code
LEFT JOIN LATERAL (
  SELECT cz.zonage FROM commune_zonages cz
  WHERE cz.commune_code = c.code AND cz.valid_from <= $2::date AND (cz.valid_to IS NULL OR cz.valid_to >= $2::date)
  ORDER BY cz.valid_from DESC LIMIT 1
) z ON true
WHERE ${DEPS('c')}
ORDER BY c.code`;

/**
 * Per commune, the live professionals practising at one of its live sites (a professional who
 * practises in two communes counts in each, once per commune): general practitioners (specialty
 * « Médecine générale », stage other than « retired ») and MSU (stage « accredited » or « active »).
 */
export const PROFESSIONALS_SQL = `
WITH pros AS (
  SELECT DISTINCT s.commune_code, p.id, p.msu_stage, p.specialty
  FROM training_sites s
  JOIN professional_sites ps ON ps.site_id = s.id
  JOIN professionals p ON p.id = ps.professional_id
  WHERE s.archived_at IS NULL AND ${DEPS('s')} AND p.archived_at IS NULL
)
SELECT commune_code AS "communeCode",
  count(*) FILTER (WHERE specialty = 'Médecine générale' AND msu_stage <> 'retired')::int AS gps,
  count(*) FILTER (WHERE msu_stage IN ('accredited', 'active'))::int AS msus
FROM pros
GROUP BY commune_code`;

/** Per commune, the live access issues open or in progress at one of its sites. */
export const ISSUES_SQL = `
SELECT s.commune_code AS "communeCode", count(*)::int AS "openIssues"
FROM access_issues ai
JOIN training_sites s ON s.id = ai.site_id
WHERE ai.archived_at IS NULL AND ${DEPS('ai')} AND ai.status IN ('open', 'in_progress')
GROUP BY s.commune_code`;

/**
 * Per commune, the places offered on the semester's first day (`$2`), as in the semester plans:
 * the capacities of active, live sites holding an accreditation in force (granted or conditional,
 * started, not ended) covering that stage type, their own or one of a professional practising there.
 * Same shape as the semester plans' query (semesters/semester-plan.ts): two index look-ups per site.
 */
export const PLACES_SQL = `
SELECT s.commune_code AS "communeCode", sum(c.places)::int AS "placesOffered"
FROM training_sites s
CROSS JOIN LATERAL (
  SELECT c.stage_type, c.places FROM site_capacities c WHERE c.site_id = s.id AND c.places > 0 OFFSET 0) c
WHERE s.status = 'active' AND s.archived_at IS NULL AND ${DEPS('s')}
  AND (EXISTS (SELECT 1 FROM accreditations a
      WHERE a.site_id = s.id AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
        AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
        AND c.stage_type = ANY(a.stage_types))
    OR EXISTS (SELECT 1 FROM professional_sites ps JOIN accreditations a ON a.professional_id = ps.professional_id
      WHERE ps.site_id = s.id AND a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
        AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
        AND c.stage_type = ANY(a.stage_types)))
GROUP BY s.commune_code`;

/** The live sites, by name, with their own coordinates. */
export const SITES_SQL = `
SELECT s.id, s.name, s.kind, s.status, s.commune_code AS "communeCode", s.latitude, s.longitude
FROM training_sites s
WHERE s.archived_at IS NULL AND ${DEPS('s')}
ORDER BY s.name, s.id`;
