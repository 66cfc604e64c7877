import { PAGE_SIZE_DEFAULT } from '@maillage/shared/domain';
import { defineList, textParam } from '@maillage/web/util';

export const COMMUNES_URL = '/api/communes';

/** The columns `GET /api/communes` sorts by. */
export const COMMUNE_SORT_FIELDS = ['name', 'code', 'population'] as const;

/**
 * The search of `/territoire`, kept in the URL: `?q=melun&page=2&tri=population:desc`. No order
 * chosen: the API's own (names starting with the text first, then alphabetical).
 */
export const COMMUNE_LIST = defineList({
  filters: { q: textParam('q') },
  sort: { fields: COMMUNE_SORT_FIELDS, default: null },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});
