import { addMonths, CIVILITY_LABELS, type ReminderRule, rolesWith } from '@maillage/shared/domain';

import { accreditationRulesOf, type AppConfig } from '../../config/app-config';

/**
 * One set-based statement per rule: `INSERT … SELECT … ON CONFLICT DO NOTHING` against the
 * partial unique index on `reminder_key`. The key names the rule, the record and the
 * occurrence (an end date, the month of the last visit, the date of the last follow-up…), so
 * that a rule fires once per occurrence whoever runs it and however often, even after the task
 * was done or cancelled, and fires again only when the record changes and falls due again.
 * Title and key depend on the data only, never on the run's date. A reminder is due when its rule
 * falls due, or on the day it is raised if that is later: a reminder raised today (a first start
 * on old data, a job that did not run for a while) is never already overdue.
 *
 * Parameters: `$1` today, `$2` départements (text[], `NULL` = all), `$3` the rule's setting.
 * Reminders are the team's (no owner), except a referral's, owned by its assigned mission officer.
 */
const COLUMNS = `version, departement_code, title, description, owner_id, due_on, priority,
  subject_type, subject_id, rule, reminder_key`;
const ON_CONFLICT = `ON CONFLICT (reminder_key) WHERE reminder_key IS NOT NULL DO NOTHING RETURNING id`;
const scope = (alias: string) => `($2::text[] IS NULL OR ${alias}.departement_code = ANY($2::text[]))`;
const fr = (date: string) => `to_char(${date}, 'DD/MM/YYYY')`;
const civility = (alias: string) =>
  `CASE ${alias}.civility ${Object.entries(CIVILITY_LABELS)
    .map(([code, label]) => `WHEN '${code}' THEN '${label}'`)
    .join(' ')} END`;
/** The mission team: the roles that hold `tasks.write` in the permission map, as a SQL list. */
const TEAM_ROLES = rolesWith('tasks.write')
  .map((role) => `'${role}'`)
  .join(', ');
/** `professionalDisplayName` in SQL: "Dr Claire Martin". */
const displayName = (alias: string) => `concat_ws(' ', ${civility(alias)}, ${alias}.first_name, ${alias}.last_name)`;

/**
 * (1) An accreditation in force whose end date is within the alert window (as `expiring_soon`),
 * unless a renewal is under way (a request of the same holder and cycle, or a later one in force).
 */
const ACCREDITATION_EXPIRING = `
INSERT INTO tasks (${COLUMNS})
SELECT 1, a.departement_code,
  left('Agrément ' || CASE WHEN p.id IS NULL THEN 'du terrain « ' || s.name || ' »' ELSE 'de ' || ${displayName('p')} END
    || ' à renouveler avant le ' || ${fr('a.end_date')}, 200),
  'L’agrément (types de stage : ' || array_to_string(a.stage_types, ', ') || ') prend fin le ' || ${fr('a.end_date')}
    || '. Préparez le dossier de renouvellement avec le titulaire.',
  NULL, a.end_date, 'normal', 'accreditation', a.id, 'accreditation_expiring',
  'accreditation_expiring:' || a.id || ':' || to_char(a.end_date, 'YYYY-MM-DD')
FROM accreditations a
LEFT JOIN professionals p ON p.id = a.professional_id
LEFT JOIN training_sites s ON s.id = a.site_id
WHERE a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
  AND a.end_date BETWEEN $1::date AND $3::date AND ${scope('a')}
  AND NOT EXISTS (SELECT 1 FROM accreditations n
    WHERE n.id <> a.id AND n.archived_at IS NULL AND n.cycle = a.cycle
      AND (n.professional_id = a.professional_id OR n.site_id = a.site_id)
      AND (n.status IN ('requested', 'under_review')
        OR (n.status IN ('granted', 'conditional') AND (n.end_date IS NULL OR n.end_date > a.end_date))))
${ON_CONFLICT}`;

/** (2) An active site whose last done visit (or, never visited, its creation) is `$3` months old. */
const SITE_NOT_VISITED = `
WITH site AS (
  SELECT s.id, s.departement_code, s.name,
    (SELECT max(v.visited_on) FROM site_visits v
      WHERE v.site_id = s.id AND v.status = 'done' AND v.archived_at IS NULL) AS last_visit,
    (s.created_at AT TIME ZONE 'Europe/Paris')::date AS created_on
  FROM training_sites s
  WHERE s.status = 'active' AND s.archived_at IS NULL AND ${scope('s')}
), due AS (
  SELECT site.*, (COALESCE(last_visit, created_on) + make_interval(months => $3::int))::date AS due_on FROM site
)
INSERT INTO tasks (${COLUMNS})
SELECT 1, departement_code,
  left('Visiter le terrain « ' || name || ' »' || CASE WHEN last_visit IS NULL THEN ' (jamais visité)'
    ELSE ' (dernière visite le ' || ${fr('last_visit')} || ')' END, 200),
  'Aucune visite réalisée depuis ' || $3::int || ' mois : planifiez une visite de suivi.',
  NULL, GREATEST(due_on, $1::date), 'normal', 'site', id, 'site_not_visited',
  'site_not_visited:' || id || ':' || COALESCE(to_char(last_visit, 'YYYY-MM'), 'never')
FROM due WHERE due_on <= $1::date
${ON_CONFLICT}`;

/** (3) An open referral without follow-up (else since its creation, in Paris time) for `$3` days. */
const REFERRAL_WITHOUT_FOLLOW_UP = `
WITH referral AS (
  SELECT r.*, (COALESCE(r.last_follow_up_at, r.created_at) AT TIME ZONE 'Europe/Paris')::date AS since
  FROM candidate_referrals r
  WHERE r.archived_at IS NULL AND r.status IN ('new', 'assigned', 'in_progress') AND ${scope('r')}
)
INSERT INTO tasks (${COLUMNS})
SELECT 1, r.departement_code,
  left('Relancer le signalement de ' || ${displayName('r')} || ' (sans suivi depuis le ' || ${fr('r.since')} || ')', 200),
  'Aucun suivi (appel, rencontre, courriel) depuis ' || $3::int || ' jours.',
  (SELECT u.id FROM users u WHERE u.id = r.assigned_to_id AND u.is_active AND u.departement_code = r.departement_code),
  GREATEST(r.since + $3::int, $1::date), 'normal', 'referral', r.id, 'referral_without_follow_up',
  'referral_without_follow_up:' || r.id || ':' || to_char(r.since, 'YYYY-MM-DD')
FROM referral r WHERE r.since + $3::int <= $1::date
${ON_CONFLICT}`;

/**
 * (4) A visit follow-up action (an open task of a visit, written by a person) past its due
 * date and owned outside the mission team (someone outside the app, or a user whose role does
 * not hold `tasks.write`): the team is reminded to chase it. The team's own overdue actions
 * already top its to-do, and the action itself is never modified behind its owner's back.
 */
const VISIT_ACTION_OVERDUE = `
INSERT INTO tasks (${COLUMNS})
SELECT 1, t.departement_code,
  left('Relancer ' || COALESCE(t.owner_label, u.display_name) || ' : « ' || t.title || ' » attendu le ' || ${fr('t.due_on')}, 200),
  left('Suite de visite en retard : ' || t.title || '. Responsable : ' || COALESCE(t.owner_label, u.display_name) || '.', 4000),
  NULL, GREATEST(t.due_on + 1, $1::date), 'high', 'site_visit', t.visit_id, 'visit_action_overdue',
  'visit_action_overdue:' || t.id || ':' || to_char(t.due_on, 'YYYY-MM-DD')
FROM tasks t
LEFT JOIN users u ON u.id = t.owner_id
WHERE t.visit_id IS NOT NULL AND t.rule IS NULL AND t.status = 'open' AND t.archived_at IS NULL
  AND t.due_on < $1::date AND ${scope('t')}
  AND (t.owner_label IS NOT NULL OR (u.id IS NOT NULL AND u.role NOT IN (${TEAM_ROLES})))
${ON_CONFLICT}`;

export interface RuleStatement {
  sql: string;
  /** The value of `$3`, for the rules that have one. */
  setting?: (config: AppConfig, today: string) => string | number;
}

export const REMINDER_STATEMENTS: Readonly<Record<ReminderRule, RuleStatement>> = {
  accreditation_expiring: {
    sql: ACCREDITATION_EXPIRING,
    setting: (config, today) => addMonths(today, accreditationRulesOf(config).alertMonths),
  },
  site_not_visited: { sql: SITE_NOT_VISITED, setting: (config) => config.SITE_VISIT_INTERVAL_MONTHS },
  referral_without_follow_up: { sql: REFERRAL_WITHOUT_FOLLOW_UP, setting: (config) => config.REFERRAL_FOLLOW_UP_DAYS },
  visit_action_overdue: { sql: VISIT_ACTION_OVERDUE },
};
