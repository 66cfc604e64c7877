import { communeAnchor, pointInPolygon, pointInside, polygonArea, polygonCentroid } from './commune-anchor';

const square = (x0: number, y0: number, size: number) => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

/** A U open to the north: 3 × 3 with the notch x 1 → 2, y 1 → 3 removed (area 7). */
const U = [
  [
    [0, 0],
    [3, 0],
    [3, 3],
    [2, 3],
    [2, 1],
    [1, 1],
    [1, 3],
    [0, 3],
    [0, 0],
  ],
];

describe('polygon area and centroid', () => {
  it('computes the area of a square, whatever the winding, minus its holes', () => {
    expect(polygonArea([square(0, 0, 4)])).toBe(16);
    expect(polygonArea([[...square(0, 0, 4)].reverse()])).toBe(16);
    expect(polygonArea([square(0, 0, 4), square(2, 2, 1)])).toBe(15);
    expect(polygonArea(U)).toBe(7);
  });

  it('puts the centroid of a square at its centre', () => {
    expect(polygonCentroid([square(2, 48, 2)])).toEqual([3, 49]);
    expect(polygonCentroid([[...square(2, 48, 2)].reverse()])).toEqual([3, 49]);
  });

  it('weights by area: a hole pulls the centroid away from it', () => {
    // (16 × 2 − 1 × 2.5) / 15 = 29.5 / 15 on both axes, for a clockwise or counter-clockwise hole.
    const [x, y] = polygonCentroid([square(0, 0, 4), square(2, 2, 1)]) as [number, number];
    expect(x).toBeCloseTo(29.5 / 15, 10);
    expect(y).toBeCloseTo(29.5 / 15, 10);
    const [x2] = polygonCentroid([square(0, 0, 4), [...square(2, 2, 1)].reverse()]) as [number, number];
    expect(x2).toBeCloseTo(29.5 / 15, 10);
  });

  it('places the centroid of the U in its notch: (1.5, 9.5 / 7)', () => {
    const [x, y] = polygonCentroid(U) as [number, number];
    expect(x).toBeCloseTo(1.5, 10);
    expect(y).toBeCloseTo(9.5 / 7, 10);
    expect(pointInPolygon([x, y], U)).toBe(false);
  });

  it('returns null for a flat ring', () => {
    expect(
      polygonCentroid([
        [
          [0, 0],
          [1, 1],
          [2, 2],
          [0, 0],
        ],
      ]),
    ).toBeNull();
  });
});

describe('point in polygon', () => {
  it('is inside the outer ring and outside the holes', () => {
    const holed = [square(0, 0, 4), square(1, 1, 2)];
    expect(pointInPolygon([0.5, 0.5], holed)).toBe(true);
    expect(pointInPolygon([2, 2], holed)).toBe(false);
    expect(pointInPolygon([5, 2], holed)).toBe(false);
  });

  it('finds a point inside the U on its widest crossing line (the base, y = 0.75)', () => {
    const [x, y] = pointInside(U) as [number, number];
    expect(x).toBeCloseTo(1.5, 10);
    expect(y).toBeCloseTo(0.75, 5);
    expect(pointInPolygon([x, y], U)).toBe(true);
  });
});

describe('communeAnchor', () => {
  it('is the centroid of a convex commune', () => {
    expect(communeAnchor({ type: 'Polygon', coordinates: [square(2.64, 48.53, 0.04)] })).toEqual({
      longitude: 2.66,
      latitude: 48.55,
    });
  });

  it('takes the largest polygon of a MultiPolygon (not the first one)', () => {
    const geometry = { type: 'MultiPolygon', coordinates: [[square(3, 48, 0.01)], [square(2, 49, 0.1)]] };
    expect(communeAnchor(geometry)).toEqual({ longitude: 2.05, latitude: 49.05 });
  });

  it('falls back to a point inside when the centroid falls outside (U-shaped commune)', () => {
    expect(communeAnchor({ type: 'Polygon', coordinates: U })).toEqual({ longitude: 1.5, latitude: 0.75 });
  });

  it('falls back to a point inside when the centroid falls in a hole', () => {
    const anchor = communeAnchor({ type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] });
    expect(anchor).not.toBeNull();
    const { longitude, latitude } = anchor as { longitude: number; latitude: number };
    expect(pointInPolygon([longitude, latitude], [square(0, 0, 4), square(1, 1, 2)])).toBe(true);
  });

  it.each([
    ['no geometry', null],
    ['a point', { type: 'Point', coordinates: [2, 48] }],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }],
    [
      'a ring of two points',
      {
        type: 'Polygon',
        coordinates: [
          [
            [2, 48],
            [3, 48],
          ],
        ],
      },
    ],
    [
      'text coordinates',
      {
        type: 'Polygon',
        coordinates: [
          [
            ['2', '48'],
            ['3', '48'],
            ['3', '49'],
          ],
        ],
      },
    ],
  ])('is null for %s', (_, geometry) => {
    expect(communeAnchor(geometry)).toBeNull();
  });
});
