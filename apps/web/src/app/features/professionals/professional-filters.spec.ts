import { convertToParamMap } from '@angular/router';
import {
  filtersFromQuery,
  filtersToApiParams,
  filtersToQuery,
  hasFilters,
  NO_FILTERS,
  type ProfessionalFilters,
  viewFromQuery,
} from './professional-filters';

describe('professional filters in the URL', () => {
  const filters: ProfessionalFilters = {
    q: 'martin',
    stages: ['contacted', 'interested'],
    supervisorOnly: true,
    specialty: 'Pédiatrie',
    practiceMode: 'liberal',
    commune: '77288',
    site: '6f1c9a52-3c1d-4e59-a3a4-8f0e7d2b9c11',
    archived: false,
  };

  it('survives a round trip through the query string', () => {
    const query = filtersToQuery(filters);
    const params = convertToParamMap(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== null)));
    expect(filtersFromQuery(params)).toEqual(filters);
  });

  it('removes empty filters from the URL', () => {
    expect(Object.values(filtersToQuery(NO_FILTERS)).every((v) => v === null)).toBe(true);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, archived: true })).toBe(true);
  });

  it('drops what the API would refuse (a shared link typed by hand)', () => {
    const params = convertToParamMap({
      etapes: 'contacted,unknown,contacted',
      mode: 'freelance',
      commune: 'Melun',
      terrain: '42',
    });
    expect(filtersFromQuery(params)).toEqual({ ...NO_FILTERS, stages: ['contacted'] });
  });

  it('names the API parameters of the table and the kanban', () => {
    expect(filtersToApiParams(filters)).toEqual({
      q: 'martin',
      msuStage: 'contacted,interested',
      supervisor: 'true',
      specialty: 'Pédiatrie',
      practiceMode: 'liberal',
      commune: '77288',
      site: '6f1c9a52-3c1d-4e59-a3a4-8f0e7d2b9c11',
    });
    expect(filtersToApiParams(NO_FILTERS)).toEqual({});
  });

  it.each([
    ['parcours', 'parcours'],
    ['tableau', 'tableau'],
    ['kanban', 'tableau'],
    [null, 'tableau'],
  ])('reads the view %s as %s', (vue, view) => {
    expect(viewFromQuery(convertToParamMap(vue ? { vue } : {}))).toBe(view);
  });
});
