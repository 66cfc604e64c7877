import { capacityMap, isWithinFrance, professionalDisplayName } from './api-sites';

describe('isWithinFrance', () => {
  it.each<[string, number, number, boolean]>([
    ['Melun', 48.5397, 2.6553, true],
    ['Ajaccio (Corse)', 41.9192, 8.7386, true],
    ['Pointe-à-Pitre', 16.2411, -61.5331, true],
    ['Fort-de-France', 14.6161, -61.0588, true],
    ['Cayenne', 4.9224, -52.3135, true],
    ['Saint-Denis (La Réunion)', -20.8821, 55.4507, true],
    ['Mamoudzou', -12.7806, 45.2279, true],
    ['Londres', 51.5072, -0.1276, false],
    ['latitude and longitude swapped (Melun)', 2.6553, 48.5397, false],
    ['null island', 0, 0, false],
  ])('%s → %s', (_, latitude, longitude, expected) => {
    expect(isWithinFrance(latitude, longitude)).toBe(expected);
  });
});

describe('capacityMap', () => {
  it('renders capacities in the order of the stage types, whatever the input order', () => {
    const map = capacityMap([
      { stageType: 'SASPAS', places: 1 },
      { stageType: 'N1', places: 2 },
    ]);
    expect(map).toEqual({ N1: 2, SASPAS: 1 });
    expect(JSON.stringify(map)).toBe('{"N1":2,"SASPAS":1}');
  });

  it('is empty for a site without capacities', () => {
    expect(capacityMap([])).toEqual({});
  });
});

describe('professionalDisplayName', () => {
  it.each([
    [{ civility: 'DR' as const, firstName: 'Claire', lastName: 'Martin' }, 'Dr Claire Martin'],
    [{ civility: 'MME' as const, firstName: 'Inès', lastName: 'Durand' }, 'Mme Inès Durand'],
    [{ civility: null, firstName: 'Paul', lastName: 'Roux' }, 'Paul Roux'],
  ])('%o → %s', (p, expected) => {
    expect(professionalDisplayName(p)).toBe(expected);
  });
});
