import {
  activePreset,
  dashboardRequest,
  filtersFromParams,
  filtersToParams,
  isoDate,
  parseIsoDate,
  periodPresets,
  type DashboardFilters,
} from './dashboard-filters';

// A fixed "today": Sunday 22 November 2026.
const TODAY = new Date(2026, 10, 22, 15, 30);

function buildFilters(overrides: Partial<DashboardFilters> = {}): DashboardFilters {
  return { from: '2026-01-01', to: '2026-11-22', epci: null, commune: null, departement: null, ...overrides };
}

describe('dashboard filters', () => {
  it('writes and reads local ISO days', () => {
    expect(isoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(parseIsoDate('2026-02-28')).toEqual(new Date(2026, 1, 28));
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('28/02/2026')).toBeNull();
    expect(parseIsoDate(undefined)).toBeNull();
  });

  it.each([
    ['current-year', 'Année en cours', '2026-01-01', '2026-11-22'],
    ['last-12-months', '12 derniers mois', '2025-12-01', '2026-11-22'],
    ['previous-year', 'Année précédente', '2025-01-01', '2025-12-31'],
  ])('computes the preset %s from today', (key, label, from, to) => {
    expect(periodPresets(TODAY).find((p) => p.key === key)).toEqual({ key, label, from, to });
  });

  it('starts the last twelve months in the previous year in January', () => {
    const january = periodPresets(new Date(2027, 0, 10)).find((p) => p.key === 'last-12-months');
    expect(january).toMatchObject({ from: '2026-02-01', to: '2027-01-10' });
  });

  it('reads a bare link as the current year up to today, over the whole département', () => {
    expect(filtersFromParams({}, TODAY)).toEqual(buildFilters());
  });

  it('reads the period and the territory of a shared link', () => {
    const params = { du: '2025-01-01', au: '2025-12-31', epci: '200072130', commune: '77288', departement: '77' };
    expect(filtersFromParams(params, TODAY)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      epci: '200072130',
      commune: '77288',
      departement: '77',
    });
  });

  it('falls back to the defaults for malformed values or a period upside down', () => {
    expect(filtersFromParams({ du: '2026-13-01', epci: '1234', commune: 'Melun', departement: '777' }, TODAY)).toEqual(
      buildFilters(),
    );
    expect(filtersFromParams({ du: '2026-06-01', au: '2026-05-01' }, TODAY)).toEqual(buildFilters());
  });

  it('leaves the default period out of the URL and keeps everything else', () => {
    expect(filtersToParams(buildFilters(), TODAY)).toEqual({});
    expect(filtersToParams(buildFilters({ from: '2025-12-01', epci: '200072130' }), TODAY)).toEqual({
      du: '2025-12-01',
      au: '2026-11-22',
      epci: '200072130',
    });
    // What is written is read back the same.
    const filters = buildFilters({ from: '2025-01-01', to: '2025-12-31', commune: '77288' });
    expect(filtersFromParams(filtersToParams(filters, TODAY), TODAY)).toEqual(filters);
  });

  it('asks the API for the period and only the territory filters set', () => {
    expect(dashboardRequest(buildFilters())).toEqual({
      url: '/api/dashboard',
      params: { from: '2026-01-01', to: '2026-11-22' },
    });
    expect(dashboardRequest(buildFilters({ epci: '200072130', departement: '77' })).params).toEqual({
      from: '2026-01-01',
      to: '2026-11-22',
      departement: '77',
      epci: '200072130',
    });
  });

  it('recognises the preset a period matches', () => {
    const presets = periodPresets(TODAY);
    expect(activePreset(buildFilters(), presets)).toBe('current-year');
    expect(activePreset(buildFilters({ from: '2025-01-01', to: '2025-12-31' }), presets)).toBe('previous-year');
    expect(activePreset(buildFilters({ from: '2026-03-01' }), presets)).toBeNull();
  });
});
