import { SITE_LIST, SITES_URL } from './sites-api';

const DEFAULT_SITE_LIST = SITE_LIST.defaults;
const siteListFromParams = (params: Record<string, string>) => SITE_LIST.fromParams(params);
const siteListToParams = (state: typeof DEFAULT_SITE_LIST) => SITE_LIST.toParams(state);
const sitesRequest = (state: typeof DEFAULT_SITE_LIST) => ({ url: SITES_URL, params: SITE_LIST.apiParams(state) });

describe('site list URL', () => {
  it('reads a shared link into a state, and writes it back the same', () => {
    const params = {
      q: 'pasteur',
      commune: '77288',
      epci: '200072130',
      type: 'msp',
      statut: 'active',
      stage: 'SASPAS',
      zonage: 'ZIP',
      difficultes: 'non',
      archives: 'oui',
      page: '3',
      parPage: '50',
      tri: 'commune:desc',
    };
    const state = siteListFromParams(params);
    expect(state).toEqual({
      q: 'pasteur',
      commune: '77288',
      epci: '200072130',
      kind: 'msp',
      status: 'active',
      stageType: 'SASPAS',
      zonage: 'ZIP',
      openAccessIssues: false,
      archived: true,
      page: 3,
      pageSize: 50,
      sort: { field: 'commune', direction: 'desc' },
    });
    expect(siteListToParams(state)).toEqual(params);
  });

  it('leaves defaults out of the URL: the plain list is /terrains', () => {
    expect(siteListToParams(DEFAULT_SITE_LIST)).toEqual({});
  });

  it.each([
    [{ commune: '7728' }, 'commune', null],
    [{ type: 'hopital' }, 'kind', null],
    [{ statut: 'ACTIVE' }, 'status', null],
    [{ page: '-2' }, 'page', 1],
    [{ parPage: '1000' }, 'pageSize', 25],
    [{ tri: 'password:asc' }, 'sort', DEFAULT_SITE_LIST.sort],
    [{ archives: 'true' }, 'archived', false],
    [{ difficultes: 'peut-être' }, 'openAccessIssues', null],
  ])('ignores a malformed parameter %p', (params, key, expected) => {
    expect(siteListFromParams(params)[key as keyof typeof DEFAULT_SITE_LIST]).toEqual(expected);
  });

  it('asks the API in its own words, without empty filters', () => {
    const state = siteListFromParams({
      commune: '77288',
      statut: 'active',
      stage: 'N1',
      difficultes: 'oui',
      archives: 'oui',
    });
    expect(sitesRequest(state)).toEqual({
      url: '/api/sites',
      params: {
        page: 1,
        pageSize: 25,
        sort: 'name:asc',
        commune: '77288',
        status: 'active',
        stageType: 'N1',
        hasOpenAccessIssues: true,
        archived: true,
      },
    });
  });
});
