/**
 * Links into the dashboard, as web routes (`/signalements/<id>`): the API puts them in
 * notifications, e-mails (prefixed with `APP_URL`) and search results, and the web routes to them.
 * The paths are those of the dashboard's areas (apps/web `AREAS`).
 */
export const WEB_PATHS = {
  sites: '/terrains',
  professionals: '/professionnels',
  accreditations: '/agrements',
  referrals: '/signalements',
  intents: '/intentions-installation',
  visits: '/visites',
  tasks: '/taches',
  committees: '/comites',
  territory: '/territoire',
  notifications: '/notifications',
  notificationPreferences: '/notifications/preferences',
} as const;

export type WebArea = keyof typeof WEB_PATHS;

/** A record's page. */
export function recordLink(
  area: 'sites' | 'professionals' | 'referrals' | 'visits' | 'committees',
  id: string,
): string {
  return `${WEB_PATHS[area]}/${encodeURIComponent(id)}`;
}

/** A list of the dashboard with query parameters (empty ones left out). */
export function listLink(area: WebArea, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${WEB_PATHS[area]}?${text}` : WEB_PATHS[area];
}

/**
 * An accreditation has no page of its own: its holder's page (a professional or a site) lists it.
 */
export function accreditationLink(holder: { professionalId: string | null; siteId: string | null }): string {
  if (holder.professionalId) return recordLink('professionals', holder.professionalId);
  if (holder.siteId) return recordLink('sites', holder.siteId);
  return WEB_PATHS.accreditations;
}
