export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  open: 'À faire',
  done: 'Faite',
  cancelled: 'Annulée',
};

/** Records a task can concern. */
export const TASK_SUBJECTS = [
  'site',
  'professional',
  'referral',
  'access_issue',
  'site_visit',
  'accreditation',
  'measure',
  'committee_meeting',
] as const;
export type TaskSubject = (typeof TASK_SUBJECTS)[number];

/** Reminders the app raises by itself; `manual` tasks are written by people. */
export const REMINDER_RULES = [
  'accreditation_expiring',
  'site_not_visited',
  'referral_without_follow_up',
  'visit_action_overdue',
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];
export const REMINDER_RULE_LABELS: Readonly<Record<ReminderRule, string>> = {
  accreditation_expiring: 'Agrément arrivant à échéance',
  site_not_visited: 'Terrain non visité depuis longtemps',
  referral_without_follow_up: 'Signalement sans suivi',
  visit_action_overdue: 'Suite de visite en retard',
};

/** The kinds of task, in the order of the tasks page's groups: the team's own, then each reminder rule. */
export const TASK_KINDS = ['manual', ...REMINDER_RULES] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = {
  manual: 'Tâches saisies par l’équipe',
  accreditation_expiring: 'Agréments à renouveler',
  site_not_visited: 'Terrains à visiter',
  referral_without_follow_up: 'Signalements à relancer',
  visit_action_overdue: 'Suites de visite à relancer',
};
