/*
 * The dashboard's aggregate queries. Every one takes `$1` the départements (`NULL`: all) and
 * `$2` the communes of the territory asked for (`NULL`: the whole département); the period is
 * `$3`..`$4` (ISO dates, inclusive). Records are placed in the territory through their site's
 * commune (issues, visits, accreditations, professionals), their own commune (referrals) or their
 * target communes (installation intents). Each query reads one table family through its
 * (département, …) index and groups in SQL.
 */

import { RENEWED_SQL } from '../accreditations/accreditation-query';

const DEPS = (alias: string) => `($1::text[] IS NULL OR ${alias}.departement_code = ANY($1::text[]))`;
/** The ids of the sites (archived or not) located in the territory's communes. */
const SITES_IN_COMMUNES = `SELECT ts.id FROM training_sites ts
  WHERE ${DEPS('ts')} AND ts.commune_code = ANY($2::text[])`;
const AT_SITE = (alias: string) => `($2::text[] IS NULL OR ${alias}.site_id IN (${SITES_IN_COMMUNES}))`;

export const POPULATION_SQL = `
SELECT count(*)::int AS communes, coalesce(sum(c.population), 0)::bigint AS population
FROM communes c
WHERE ${DEPS('c')} AND ($2::text[] IS NULL OR c.code = ANY($2::text[]))`;

/**
 * Active and live sites of the territory. (The general practitioners per 10 000 inhabitants come
 * from the RPPS directory, figures/gp-density.ts, not from the registry.)
 */
export const REGISTRY_SQL = `
SELECT count(*) FILTER (WHERE s.status = 'active')::int AS active_sites, count(*)::int AS total_sites
FROM training_sites s
WHERE s.archived_at IS NULL AND ${DEPS('s')} AND ($2::text[] IS NULL OR s.commune_code = ANY($2::text[]))`;

/** Live referrals created in the period (days in Europe/Paris), per status. */
export const REFERRALS_SQL = `
SELECT r.status, count(*)::int AS count
FROM candidate_referrals r
WHERE r.archived_at IS NULL AND ${DEPS('r')}
  AND ($2::text[] IS NULL OR r.commune_code = ANY($2::text[]))
  AND r.created_at >= ($3::date::timestamp AT TIME ZONE 'Europe/Paris')
  AND r.created_at < (($4::date + 1)::timestamp AT TIME ZONE 'Europe/Paris')
GROUP BY r.status`;

/** Live issues per category: open now, raised in the period, open at the period's end. */
export const ISSUES_SQL = `
SELECT ai.category,
  count(*) FILTER (WHERE ai.status IN ('open', 'in_progress'))::int AS open,
  count(*) FILTER (WHERE ai.raised_on BETWEEN $3::date AND $4::date)::int AS raised,
  count(*) FILTER (WHERE ai.raised_on <= $4::date AND (ai.closed_on IS NULL OR ai.closed_on > $4::date))::int AS open_at_end
FROM access_issues ai
WHERE ai.archived_at IS NULL AND ${DEPS('ai')} AND ${AT_SITE('ai')}
GROUP BY ai.category`;

/** Issues raised per month of the period, every month listed. */
export const ISSUE_MONTHS_SQL = `
WITH raised AS (
  SELECT date_trunc('month', ai.raised_on)::date AS month, count(*)::int AS n
  FROM access_issues ai
  WHERE ai.archived_at IS NULL AND ${DEPS('ai')} AND ${AT_SITE('ai')}
    AND ai.raised_on BETWEEN $3::date AND $4::date
  GROUP BY 1
)
SELECT to_char(m, 'YYYY-MM') AS month, coalesce(raised.n, 0)::int AS raised
FROM generate_series(date_trunc('month', $3::date), $4::date, interval '1 month') m
LEFT JOIN raised ON raised.month = m::date
ORDER BY m`;

/** Visits of the period: planned (not cancelled) on a day of it, done on a day of it. */
export const VISITS_SQL = `
SELECT
  count(*) FILTER (WHERE v.status <> 'cancelled' AND v.planned_on BETWEEN $3::date AND $4::date)::int AS planned,
  count(*) FILTER (WHERE v.status = 'done' AND v.visited_on BETWEEN $3::date AND $4::date)::int AS done,
  count(*) FILTER (WHERE v.status = 'planned' AND v.planned_on BETWEEN $3::date AND $4::date)::int AS pending,
  count(*) FILTER (WHERE v.status = 'cancelled' AND v.planned_on BETWEEN $3::date AND $4::date)::int AS cancelled
FROM site_visits v
WHERE v.archived_at IS NULL AND ${DEPS('v')} AND ${AT_SITE('v')}
  AND (v.planned_on BETWEEN $3::date AND $4::date OR v.visited_on BETWEEN $3::date AND $4::date)`;

/**
 * Accreditations in force ending between today (\`$5\`) and the end of the alert window (\`$6\`)
 * and not renewed (the list's « Expire bientôt », `validitySql`),
 * and those (in force or expired, not withdrawn) whose end date, before today, falls in the period.
 * With a territory: held by one of its sites or by a professional practising at one.
 */
export const ACCREDITATIONS_SQL = `
SELECT
  count(*) FILTER (WHERE a.status IN ('granted', 'conditional') AND a.end_date BETWEEN $5::date AND $6::date
    AND NOT ${RENEWED_SQL('a')})::int AS expiring,
  count(*) FILTER (WHERE a.status IN ('granted', 'conditional', 'expired') AND a.end_date < $5::date
    AND a.end_date BETWEEN $3::date AND $4::date)::int AS expired
FROM accreditations a
WHERE a.archived_at IS NULL AND ${DEPS('a')} AND a.end_date IS NOT NULL
  AND ($2::text[] IS NULL OR a.site_id IN (${SITES_IN_COMMUNES})
    OR a.professional_id IN (SELECT ps.professional_id FROM professional_sites ps WHERE ps.site_id IN (${SITES_IN_COMMUNES})))`;

/** Live installation intents per status (with a territory: one of their target communes in it). */
export const INTENTS_SQL = `
SELECT i.status, count(*)::int AS count
FROM installation_intents i
WHERE i.archived_at IS NULL AND ${DEPS('i')}
  AND ($2::text[] IS NULL OR i.target_commune_codes::text[] && $2::text[])
GROUP BY i.status`;
