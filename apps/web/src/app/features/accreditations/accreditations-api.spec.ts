import { toIsoDate } from '@maillage/web/util';
import { ACCREDITATION_LIST, ACCREDITATIONS_URL, actionsFor, availableActions } from './accreditations-api';

const DEFAULT_ACCREDITATION_LIST = ACCREDITATION_LIST.defaults;
const accreditationListFromParams = (params: Record<string, string>) => ACCREDITATION_LIST.fromParams(params);
const accreditationListToParams = (state: typeof DEFAULT_ACCREDITATION_LIST) => ACCREDITATION_LIST.toParams(state);
const accreditationsRequest = (state: typeof DEFAULT_ACCREDITATION_LIST) => ({
  url: ACCREDITATIONS_URL,
  params: ACCREDITATION_LIST.apiParams(state),
});

const SITE = '5b0f3c1e-8d7a-4c1e-9f59-0c6f1d2a3b4c';

describe('accreditation list URL', () => {
  it('reads a link and writes it back, the soonest end dates first by default', () => {
    const params = { validite: 'expiring_soon', cycle: '3', stage: 'N1', terrain: SITE, tri: 'startDate:desc' };
    const state = accreditationListFromParams(params);
    expect(state).toMatchObject({
      validity: 'expiring_soon',
      cycle: '3',
      stageType: 'N1',
      site: SITE,
      sort: { field: 'startDate', direction: 'desc' },
    });
    expect(accreditationListToParams(state)).toEqual(params);
    expect(accreditationListToParams(DEFAULT_ACCREDITATION_LIST)).toEqual({});
    expect(accreditationsRequest(DEFAULT_ACCREDITATION_LIST).params).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'endDate:asc',
    });
  });

  it('asks the API in its own words', () => {
    const state = accreditationListFromParams({ validite: 'expired', statut: 'granted', professionnel: SITE });
    expect(accreditationsRequest(state).params).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'endDate:asc',
      validity: 'expired',
      status: 'granted',
      professional: SITE,
    });
  });

  it.each([
    [{ validite: 'soon' }, 'validity'],
    [{ cycle: '4' }, 'cycle'],
    [{ terrain: 'not-an-id' }, 'site'],
  ])('ignores a malformed parameter %p', (params, key) => {
    expect(accreditationListFromParams(params)[key as 'validity']).toBeNull();
  });
});

describe('accreditation actions', () => {
  it.each([
    ['requested', ['review', 'grant', 'withdraw']],
    ['under_review', ['grant', 'withdraw']],
    ['granted', ['withdraw', 'expire']],
    ['conditional', ['grant', 'withdraw', 'expire']],
    ['expired', []],
    ['withdrawn', []],
  ] as const)('a %s accreditation offers %p', (status, actions) => {
    expect(availableActions(status)).toEqual(actions);
  });

  it.each([
    ['granted', '2027-01-31', null, ['renew', 'withdraw', 'expire']],
    ['expired', '2026-10-31', null, ['renew']],
    ['granted', '2027-01-31', 'next-id', ['withdraw', 'expire']],
    ['granted', null, null, ['withdraw', 'expire']],
    ['withdrawn', '2026-10-31', null, []],
  ] as const)('a %s accreditation ending %s, renewed by %s, offers %p', (status, endDate, renewedById, actions) => {
    expect(actionsFor({ status, endDate, renewedById } as never)).toEqual(actions);
  });

  it('writes the day the user picked, whatever the time zone', () => {
    expect(toIsoDate(new Date(2026, 10, 2, 23, 30))).toBe('2026-11-02');
  });
});
