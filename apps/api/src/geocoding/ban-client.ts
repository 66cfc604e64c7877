import { isWithinFrance } from '@maillage/shared/domain';

export interface BanMatch {
  latitude: number;
  longitude: number;
  score: number;
  label: string;
}

/** Below this score the BAN is guessing: the commune's anchor is better than a wrong street. */
export const MIN_SCORE = 0.5;

interface BanFeature {
  geometry?: { coordinates?: unknown };
  properties?: { score?: unknown; label?: unknown; citycode?: unknown };
}

export class BanUnavailableError extends Error {}

/**
 * Asks the national address service (`/search/?q=…&citycode=…`) for an address of one commune.
 * `null` when it finds nothing trustworthy (low score, another commune, outside France);
 * `BanUnavailableError` when it does not answer in time or answers garbage.
 */
export async function banSearch(
  baseUrl: string,
  timeoutMs: number,
  address: { line: string; postalCode: string; communeCode: string },
): Promise<BanMatch | null> {
  const url = new URL('search/', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  url.searchParams.set('q', `${address.line} ${address.postalCode}`.slice(0, 200));
  url.searchParams.set('citycode', address.communeCode);
  url.searchParams.set('limit', '1');
  let body: { features?: BanFeature[] };
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new BanUnavailableError(`BAN : réponse ${response.status}`);
    body = (await response.json()) as { features?: BanFeature[] };
  } catch (error) {
    if (error instanceof BanUnavailableError) throw error;
    throw new BanUnavailableError(
      (error as Error)?.name === 'TimeoutError' ? 'BAN : pas de réponse à temps' : 'BAN : injoignable',
    );
  }
  const feature = Array.isArray(body?.features) ? body.features[0] : undefined;
  const coordinates = feature?.geometry?.coordinates;
  const score = Number(feature?.properties?.score);
  if (!Array.isArray(coordinates) || !Number.isFinite(score)) return null;
  const [longitude, latitude] = coordinates.map(Number);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || !isWithinFrance(latitude, longitude)) return null;
  if (score < MIN_SCORE || feature?.properties?.citycode !== address.communeCode) return null;
  return { latitude, longitude, score, label: String(feature?.properties?.label ?? '') };
}
