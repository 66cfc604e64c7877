import { SEARCH_HITS, searchListLink } from './search-hits';

describe('search hits', () => {
  const professional = {
    id: 'p1',
    score: 1,
    civility: 'DR',
    first_name: 'Hélène',
    last_name: 'Durand',
    rpps: '10101010106',
    specialty: 'Médecine générale',
    msu_stage: 'accredited',
  };

  it('shows the RPPS number only to roles that may read it', () => {
    expect(SEARCH_HITS.professionals(professional, 'mission_officer')).toEqual({
      title: 'Dr Hélène Durand',
      subtitle: 'Agréé · Médecine générale · RPPS 10101010106',
      link: '/professionnels/p1',
    });
    expect(SEARCH_HITS.professionals(professional, 'committee').subtitle).toBe('Agréé · Médecine générale');
  });

  it('links a commune to its sites, or to the territory page for roles that do not read sites', () => {
    const commune = {
      id: '77186',
      score: 1,
      name: 'Fontainebleau',
      departement_code: '77',
      population: 15032,
      postal_codes: ['77300'],
    };
    expect(SEARCH_HITS.communes(commune, 'cdom')).toEqual({
      title: 'Fontainebleau',
      subtitle: expect.stringMatching(/^77300 · département 77 · 15\s032 habitants$/),
      link: '/terrains?commune=77186',
    });
    expect(SEARCH_HITS.communes(commune, 'committee').link).toBe('/territoire?q=Fontainebleau');
  });

  it('offers the full list where the dashboard has one', () => {
    expect(searchListLink('sites', 'lac')).toBe('/terrains?q=lac');
    expect(searchListLink('committees', 'lac')).toBeNull();
  });
});
