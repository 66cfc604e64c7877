import { hasPermission, type Permission } from '../permissions';
import type { Role } from '../roles';

/** What a notification is about. Each kind reaches the roles holding its permission. */
export const NOTIFICATION_KINDS = [
  'referral_created',
  'intent_reported',
  'referral_converted',
  'referral_closed',
  'weekly_digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_INFO: Readonly<
  Record<NotificationKind, { label: string; description: string; permission: Permission }>
> = {
  referral_created: {
    label: 'Nouveau signalement du CDOM',
    description: 'Le CDOM signale un candidat MSU dans votre département.',
    permission: 'notifications.cdomInput',
  },
  intent_reported: {
    label: 'Nouvelle intention d’installation',
    description: 'Le CDOM signale le projet d’installation d’un jeune médecin.',
    permission: 'notifications.cdomInput',
  },
  referral_converted: {
    label: 'Signalement converti',
    description: 'Un candidat signalé par le CDOM entre dans le parcours MSU.',
    permission: 'notifications.referralOutcome',
  },
  referral_closed: {
    label: 'Signalement clos',
    description: 'Un signalement du CDOM est clos sans entrée dans le parcours (a décliné, non éligible).',
    permission: 'notifications.referralOutcome',
  },
  weekly_digest: {
    label: 'Récapitulatif de la semaine',
    description: 'Vos tâches en retard et à venir, les agréments qui arrivent à échéance, les visites de la semaine.',
    permission: 'notifications.digest',
  },
};

/** The kinds a role receives, in the order above. */
export function notificationKindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => hasPermission(role, NOTIFICATION_KIND_INFO[kind].permission));
}

/** ISO weekdays, Monday = 1 … Sunday = 7. */
export const WEEKDAY_LABELS: Readonly<Record<number, string>> = {
  1: 'lundi',
  2: 'mardi',
  3: 'mercredi',
  4: 'jeudi',
  5: 'vendredi',
  6: 'samedi',
  7: 'dimanche',
};

export interface NotificationPreferences {
  /** Kinds also sent by e-mail (every notice stays in the app). */
  emailKinds: NotificationKind[];
  /** Day of the weekly digest, ISO weekday (1 = Monday … 7 = Sunday), Paris time. */
  digestWeekday: number;
  /** Hour of the weekly digest, 0–23, Paris time. */
  digestHour: number;
}

export const DEFAULT_DIGEST_WEEKDAY = 1;
export const DEFAULT_DIGEST_HOUR = 8;

/** `GET /api/notifications/preferences`. */
export interface NotificationPreferencesView extends NotificationPreferences {
  /** The kinds this account receives (its role's). */
  availableKinds: NotificationKind[];
  /** `false` when the server sends no e-mail (no `SMTP_URL`): notices stay in the app. */
  emailEnabled: boolean;
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A route of the dashboard, e.g. `/signalements/<id>`. */
  link: string;
  readAt: string | null;
  createdAt: string;
}

export interface UnreadNotifications {
  unread: number;
}

export interface MarkAllReadResult {
  updated: number;
}

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Readonly<Record<OutboxStatus, string>> = {
  pending: 'En attente',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  failed: 'En échec',
};

/** An e-mail of the outbox as the administrator sees it (`GET /api/outbox`). */
export interface OutboxMessageView {
  id: string;
  departementCode: string;
  kind: NotificationKind;
  recipient: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface OutboxSummary {
  counts: Record<OutboxStatus, number>;
  emailEnabled: boolean;
}

/**
 * The ISO 8601 week of a calendar day: `2026-03-11` → `2026-W11` (weeks start on Monday;
 * week 1 holds the year's first Thursday, so early January may belong to the previous year).
 */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
