import { DEMO_TOWN_CENTRES, demoCoordinates } from './demo-coordinates';

/** Distance in metres between two points (equirectangular: precise at this scale). */
function metres(a: [number, number], b: [number, number]): number {
  const lat = ((a[0] + b[0]) / 2) * (Math.PI / 180);
  const dy = (a[0] - b[0]) * 111_320;
  const dx = (a[1] - b[1]) * 111_320 * Math.cos(lat);
  return Math.hypot(dx, dy);
}

describe('demo coordinates', () => {
  it('places the sites of the large communes 80 to 380 m from the town centre', () => {
    for (const [code, centre] of Object.entries(DEMO_TOWN_CENTRES)) {
      for (const name of ['MSP du Centre', 'Cabinet de la Gare', 'Centre de santé']) {
        const { latitude, longitude } = demoCoordinates(code, name);
        const d = metres([latitude as number, longitude as number], [centre[0], centre[1]]);
        expect(d).toBeGreaterThan(79);
        expect(d).toBeLessThan(381);
      }
    }
  });

  it('is deterministic and spreads the sites of one commune', () => {
    expect(demoCoordinates('77288', 'MSP du Centre')).toEqual(demoCoordinates('77288', 'MSP du Centre'));
    expect(demoCoordinates('77288', 'MSP du Centre')).not.toEqual(demoCoordinates('77288', 'Cabinet de la Gare'));
  });

  it('leaves the other communes without coordinates', () => {
    expect(demoCoordinates('77001', 'MSP du Centre')).toEqual({ latitude: null, longitude: null });
  });

  it('covers the most populous communes (Meaux, Melun, Chelles…)', () => {
    expect(Object.keys(DEMO_TOWN_CENTRES)).toEqual(expect.arrayContaining(['77284', '77288', '77108', '77186']));
    expect(Object.keys(DEMO_TOWN_CENTRES)).toHaveLength(17);
  });
});
