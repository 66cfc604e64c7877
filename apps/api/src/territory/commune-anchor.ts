/**
 * The anchor of a commune: a point inside its outline, where the map places the sites that have
 * no coordinates of their own. Pure functions over GeoJSON coordinates ([longitude, latitude]);
 * computed in the plane of the degrees, which is precise enough at the scale of a commune.
 */

export interface Anchor {
  latitude: number;
  longitude: number;
}

type Position = readonly number[];
type Ring = readonly Position[];
type Polygon = readonly Ring[];

/** Signed area of a ring (shoelace formula; positive when counter-clockwise). */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return sum / 2;
}

/** Area of a polygon: its outer ring minus its holes. */
export function polygonArea(polygon: Polygon): number {
  if (polygon.length === 0) return 0;
  const [outer, ...holes] = polygon;
  return Math.abs(signedArea(outer)) - holes.reduce((sum, h) => sum + Math.abs(signedArea(h)), 0);
}

/** Area-weighted centroid of a polygon (holes subtracted), or `null` for a degenerate one. */
export function polygonCentroid(polygon: Polygon): [number, number] | null {
  let area = 0;
  let cx = 0;
  let cy = 0;
  polygon.forEach((ring, index) => {
    // Outer ring counted positively, holes negatively, whatever their winding in the file.
    const sign = (index === 0 ? 1 : -1) * Math.sign(signedArea(ring));
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      area += (sign * cross) / 2;
      cx += sign * (ring[j][0] + ring[i][0]) * cross;
      cy += sign * (ring[j][1] + ring[i][1]) * cross;
    }
  });
  if (Math.abs(area) < 1e-15) return null;
  return [cx / (6 * area), cy / (6 * area)];
}

/** Even-odd rule over every ring: inside the outer ring and outside its holes. */
export function pointInPolygon([x, y]: readonly [number, number], polygon: Polygon): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A point surely inside: on a few horizontal lines across the polygon, the middle of the widest
 * stretch that lies inside it (the lines avoid the vertices' latitudes by a tiny offset).
 */
export function pointInside(polygon: Polygon): [number, number] | null {
  const ys = polygon.flatMap((ring) => ring.map((p) => p[1]));
  if (ys.length === 0) return null;
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  let best: { width: number; point: [number, number] } | null = null;
  for (const fraction of [0.5, 0.25, 0.75, 0.375, 0.625, 0.125, 0.875]) {
    const y = minY + (maxY - minY) * fraction + (maxY - minY) * 1e-7;
    const xs: number[] = [];
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = xs[k + 1] - xs[k];
      if (width > 0 && (!best || width > best.width)) best = { width, point: [(xs[k] + xs[k + 1]) / 2, y] };
    }
  }
  return best?.point ?? null;
}

/**
 * The anchor of a Polygon or MultiPolygon geometry: the centroid of its largest polygon, or a point
 * inside that polygon when the centroid falls outside it (a crescent, a U-shaped commune).
 * `null` when the geometry has no usable polygon.
 */
export function communeAnchor(geometry: { type?: unknown; coordinates?: unknown } | null | undefined): Anchor | null {
  const polygons = polygonsOf(geometry);
  let largest: Polygon | null = null;
  let largestArea = 0;
  for (const polygon of polygons) {
    const area = polygonArea(polygon);
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  if (!largest) return null;
  const centroid = polygonCentroid(largest);
  const point = centroid && pointInPolygon(centroid, largest) ? centroid : pointInside(largest);
  return point ? { longitude: round(point[0]), latitude: round(point[1]) } : null;
}

/** 1e-6 degree: about 10 cm. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function polygonsOf(geometry: { type?: unknown; coordinates?: unknown } | null | undefined): Polygon[] {
  const coordinates = geometry?.coordinates;
  if (!Array.isArray(coordinates)) return [];
  const candidates =
    geometry?.type === 'Polygon' ? [coordinates] : geometry?.type === 'MultiPolygon' ? coordinates : [];
  return candidates.filter(isPolygon);
}

function isPolygon(value: unknown): value is Polygon {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 3 &&
        ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1])),
    )
  );
}
