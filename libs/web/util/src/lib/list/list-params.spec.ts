import {
  choiceParam,
  defineList,
  flagParam,
  idParam,
  oneOfParam,
  patternParam,
  textParam,
  yesNoParam,
} from './list-params';

const STATUSES = ['active', 'closed'] as const;
const ID = '5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c';

const LIST = defineList({
  filters: {
    q: textParam('q'),
    status: oneOfParam('statut', STATUSES),
    commune: patternParam('commune', /^\d{5}$/),
    site: idParam('terrain'),
    open: yesNoParam('ouvertes', { api: 'hasOpen' }),
    archived: flagParam('archives'),
    level: oneOfParam('niveau', [1, 2, 3] as const, { api: 'minLevel' }),
    view: choiceParam('vue', ['tableau', 'carte'] as const, 'tableau'),
  },
  sort: { fields: ['name', 'updatedAt'] as const, default: { field: 'name', direction: 'asc' } },
  paging: { pageSize: 25 },
});

/** A list whose default filter is a real value (open tasks unless asked otherwise). */
const TASKS = defineList({
  filters: { status: oneOfParam('statut', ['open', 'done'] as const, { defaultValue: 'open' }) },
  paging: false,
});

describe('defineList', () => {
  it('reads a shared link into a typed state and writes it back the same', () => {
    const params = {
      q: 'pasteur',
      statut: 'closed',
      commune: '77288',
      terrain: ID,
      ouvertes: 'non',
      archives: 'oui',
      niveau: '2',
      vue: 'carte',
      page: '3',
      parPage: '50',
      tri: 'updatedAt:desc',
    };
    const state = LIST.fromParams(params);
    expect(state).toEqual({
      q: 'pasteur',
      status: 'closed',
      commune: '77288',
      site: ID,
      open: false,
      archived: true,
      level: 2,
      view: 'carte',
      page: 3,
      pageSize: 50,
      sort: { field: 'updatedAt', direction: 'desc' },
    });
    expect(LIST.toParams(state)).toEqual(params);
  });

  it('leaves the defaults out of the URL: the plain address is the plain list', () => {
    expect(LIST.toParams(LIST.defaults)).toEqual({});
    expect(LIST.fromParams({})).toEqual(LIST.defaults);
  });

  it.each([
    [{ statut: 'ACTIVE' }, 'status', null],
    [{ commune: 'Melun' }, 'commune', null],
    [{ terrain: '42' }, 'site', null],
    [{ ouvertes: 'peut-être' }, 'open', null],
    [{ archives: 'true' }, 'archived', false],
    [{ niveau: '4' }, 'level', null],
    [{ vue: 'kanban' }, 'view', 'tableau'],
    [{ page: '-2' }, 'page', 1],
    [{ parPage: '1000' }, 'pageSize', 25],
    [{ tri: 'password:asc' }, 'sort', { field: 'name', direction: 'asc' }],
  ])('ignores a malformed parameter %p (a link typed by hand never breaks the page)', (params, key, expected) => {
    expect(LIST.fromParams(params)[key as keyof typeof LIST.defaults]).toEqual(expected);
  });

  it('asks the API in its own words, without the filters at their default', () => {
    const state = LIST.fromParams({ q: ' x ', statut: 'active', ouvertes: 'oui', niveau: '3', vue: 'carte' });
    expect(LIST.apiParams(state)).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'name:asc',
      q: 'x',
      status: 'active',
      hasOpen: true,
      minLevel: 3,
    });
  });

  it('counts the filters in use, not the view, the page or the order', () => {
    expect(LIST.activeFilters(LIST.fromParams({ vue: 'carte', page: '2', tri: 'updatedAt:asc' }))).toEqual([]);
    expect(LIST.activeFilters(LIST.fromParams({ q: 'a', archives: 'oui' }))).toEqual(['q', 'archived']);
  });

  it('keeps a default that is a real value, and writes « tous » for every value', () => {
    expect(TASKS.apiParams(TASKS.defaults)).toEqual({ status: 'open' });
    const all = TASKS.fromParams({ statut: 'tous' });
    expect(all.status).toBeNull();
    expect(TASKS.toParams(all)).toEqual({ statut: 'tous' });
    expect(TASKS.apiParams(all)).toEqual({});
    expect(TASKS.activeFilters(all)).toEqual(['status']);
  });

  it('turns a header click into an order (a third click goes back to the default)', () => {
    expect(LIST.sortOf('updatedAt', 'desc')).toEqual({ field: 'updatedAt', direction: 'desc' });
    expect(LIST.sortOf('updatedAt', '')).toEqual({ field: 'name', direction: 'asc' });
    expect(LIST.sortOf('secret', 'asc')).toEqual({ field: 'name', direction: 'asc' });
  });

  it('links to a list narrowed from its defaults', () => {
    expect(LIST.paramsOf({ site: ID, status: 'active' })).toEqual({ terrain: ID, statut: 'active' });
  });
});
