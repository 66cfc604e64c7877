/**
 * `POST /api/sites/:id/geocode`: where a site is. From the national address service (BAN) when
 * it found the address; otherwise the site keeps no coordinates of its own and is placed at its
 * commune's anchor, a position said to be approximate.
 */
export interface SitePosition {
  source: 'ban' | 'commune';
  approximate: boolean;
  latitude: number | null;
  longitude: number | null;
  /** The address as the BAN understood it. */
  label: string | null;
  /** BAN's confidence, 0 to 1. */
  score: number | null;
  /** Why the position is approximate, in French. */
  reason: string | null;
  /** The site's version after the change. */
  version: number;
}
