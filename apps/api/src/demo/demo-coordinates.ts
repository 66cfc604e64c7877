/**
 * Approximate town-centre coordinates of the most populous communes of Seine-et-Marne, so that
 * the demo map shows sites even without commune contours. The demo sites of these communes get
 * the centre moved by a few hundred metres (deterministically); the others keep no coordinates
 * (the map places them at their commune's anchor when contours are loaded).
 */
const TOWN_CENTRES: Readonly<Record<string, readonly [latitude: number, longitude: number]>> = {
  '77284': [48.9603, 2.8786], // Meaux
  '77288': [48.5393, 2.6606], // Melun
  '77108': [48.8804, 2.5901], // Chelles
  '77373': [48.8011, 2.6073], // Pontault-Combault
  '77445': [48.5739, 2.5829], // Savigny-le-Temple
  '77083': [48.8528, 2.6025], // Champs-sur-Marne
  '77514': [48.9422, 2.6144], // Villeparisis
  '77468': [48.8502, 2.6508], // Torcy
  '77390': [48.7911, 2.6515], // Roissy-en-Brie
  '77122': [48.6608, 2.564], // Combs-la-Ville
  '77058': [48.8406, 2.7016], // Bussy-Saint-Georges
  '77243': [48.8731, 2.7083], // Lagny-sur-Marne
  '77186': [48.4047, 2.7016], // Fontainebleau
  '77379': [48.5597, 3.2994], // Provins
  '77131': [48.8123, 3.0839], // Coulommiers
  '77305': [48.3859, 2.9509], // Montereau-Fault-Yonne
  '77333': [48.2672, 2.6965], // Nemours
};

/** Metres per degree of latitude; a degree of longitude is shorter by cos(latitude). */
const METRES_PER_DEGREE = 111_320;

/** FNV-1a: a stable hash of the key, so the same site lands on the same point at every seed. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The demo position of a site (`key` identifies it): its commune's centre moved by 80 to 380 m
 * in a direction drawn from the key, or no coordinates for the communes not in the table.
 */
export function demoCoordinates(
  communeCode: string,
  key: string,
): { latitude: number | null; longitude: number | null } {
  const centre = TOWN_CENTRES[communeCode];
  if (!centre) return { latitude: null, longitude: null };
  const h = hash(`${communeCode}:${key}`);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const distance = 80 + ((h >>> 16) / 0x10000) * 300;
  const latitude = centre[0] + (distance * Math.sin(angle)) / METRES_PER_DEGREE;
  const longitude =
    centre[1] + (distance * Math.cos(angle)) / (METRES_PER_DEGREE * Math.cos((centre[0] * Math.PI) / 180));
  return { latitude: Math.round(latitude * 1e6) / 1e6, longitude: Math.round(longitude * 1e6) / 1e6 };
}

export const DEMO_TOWN_CENTRES = TOWN_CENTRES;
