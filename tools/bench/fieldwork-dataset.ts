/**
 * What the registry dataset (national-dataset.ts) lacks for the dashboard and the map: field work
 * (visits, access issues, semester demands, referral communes), commune contours and zonages, site
 * coordinates — generated in SQL for the départements given.
 */
import type { DataSource } from 'typeorm';

/** Field work the registry dataset lacks: 4 visits and about 1.5 access issues per site, demands per semester. */
export const FIELDWORK_STEPS = [
  `INSERT INTO site_visits (version, departement_code, site_id, purpose, status, planned_on, visited_on)
   SELECT 1, s.departement_code, s.id, (ARRAY['prospection','follow_up','accreditation','issue_resolution'])[1 + g % 4],
     st.status, d.day, CASE WHEN st.status = 'done' THEN d.day + 2 END
   FROM training_sites s CROSS JOIN generate_series(1, 4) g
   CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + abs(hashtext(s.id::text || g)) % 700 AS day) d
   CROSS JOIN LATERAL (SELECT (ARRAY['done','done','planned','cancelled'])[1 + abs(hashtext(s.id::text || g || 'v')) % 4] AS status) st
   WHERE s.departement_code = ANY($1::varchar[])`,
  `INSERT INTO access_issues (version, departement_code, site_id, category, severity, description, source, status, raised_on, closed_on)
   SELECT 1, s.departement_code, s.id,
     (ARRAY['public_transport','distance','housing','parking','premises','it','supervision','pay','safety','other'])[1 + abs(hashtext(s.id::text || g)) % 10],
     1 + abs(hashtext(s.id::text || g)) % 4, 'Difficulté synthétique', 'visit', st.status, d.day,
     CASE WHEN st.status IN ('resolved', 'wont_fix') THEN d.day + 30 END
   FROM training_sites s CROSS JOIN generate_series(1, 3) g
   CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + abs(hashtext(s.id::text || g || 'i')) % 650 AS day) d
   CROSS JOIN LATERAL (SELECT (ARRAY['open','in_progress','resolved','wont_fix'])[1 + abs(hashtext(s.id::text || g || 's')) % 4] AS status) st
   WHERE s.departement_code = ANY($1::varchar[]) AND abs(hashtext(s.id::text || g || 'k')) % 2 = 0`,
  `INSERT INTO semester_demands (version, departement_code, semester, stage_type, places_requested)
   SELECT 1, d.code, sem, st, 5 + abs(hashtext(d.code || sem || st)) % 40
   FROM departements d CROSS JOIN unnest(ARRAY['2026-S','2026-W','2027-S']) sem
   CROSS JOIN unnest(ARRAY['N1','SASPAS','SAFE']) st
   WHERE d.code = ANY($1::varchar[]) ON CONFLICT DO NOTHING`,
  `UPDATE candidate_referrals r SET commune_code = c.code
   FROM (SELECT DISTINCT ON (departement_code) departement_code, code FROM communes ORDER BY departement_code, code) c
   WHERE r.departement_code = c.departement_code AND r.commune_code IS NULL AND r.departement_code = ANY($1::varchar[])`,
];

/**
 * What the map reads beyond that: a contour (a small square) with its anchor and a zonage in force
 * (a quarter of the communes also with an older, ended one) for every commune, and coordinates for
 * two sites out of three (the others are placed at their commune's anchor).
 */
export const MAP_STEPS = [
  `INSERT INTO commune_contours (commune_code, geometry, source, anchor_latitude, anchor_longitude)
   SELECT c.code, jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
       jsonb_build_array(p.lon, p.lat), jsonb_build_array(p.lon + 0.02, p.lat), jsonb_build_array(p.lon + 0.02, p.lat + 0.02),
       jsonb_build_array(p.lon, p.lat + 0.02), jsonb_build_array(p.lon, p.lat)))),
     'benchmark', p.lat + 0.01, p.lon + 0.01
   FROM communes c
   CROSS JOIN LATERAL (SELECT 43 + abs(hashtext(c.code)) % 8000 / 1000.0 AS lat,
     -4 + abs(hashtext(c.code || 'x')) % 12000 / 1000.0 AS lon) p
   WHERE c.departement_code = ANY($1::varchar[]) ON CONFLICT DO NOTHING`,
  `INSERT INTO commune_zonages (commune_code, zonage, valid_from, valid_to, source)
   SELECT c.code, (ARRAY['ZIP','ZAC','QPV_ZIP','QPV_ZAC','ZV','HZ'])[1 + abs(hashtext(c.code)) % 6], DATE '2024-01-01', NULL, 'benchmark'
   FROM communes c WHERE c.departement_code = ANY($1::varchar[])
   UNION ALL
   SELECT c.code, 'HZ', DATE '2020-01-01', DATE '2023-12-31', 'benchmark'
   FROM communes c WHERE c.departement_code = ANY($1::varchar[]) AND abs(hashtext(c.code || 'z')) % 4 = 0`,
  `UPDATE training_sites s SET latitude = 43 + abs(hashtext(s.id::text)) % 8000 / 1000.0,
     longitude = -4 + abs(hashtext(s.id::text || 'x')) % 12000 / 1000.0
   WHERE s.departement_code = ANY($1::varchar[]) AND abs(hashtext(s.id::text || 'c')) % 3 <> 0`,
];

export async function fillFieldwork(
  ds: DataSource,
  departements: string[],
): Promise<{ visits: number; issues: number }> {
  for (const sql of [...FIELDWORK_STEPS, ...MAP_STEPS]) await ds.query(sql, [departements]);
  await ds.query('ANALYZE');
  const count = async (table: string) =>
    Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return { visits: await count('site_visits'), issues: await count('access_issues') };
}
