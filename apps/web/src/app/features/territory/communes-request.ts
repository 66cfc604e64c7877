import { PAGE_SIZE_DEFAULT } from '@maillage/shared/domain';
import { defineList, textParam } from '@maillage/web/util';

export const COMMUNES_URL = '/api/communes';

/** The search of `/territoire`, kept in the URL: `?q=melun&page=2`. */
export const COMMUNE_LIST = defineList({
  filters: { q: textParam('q') },
  paging: { pageSize: PAGE_SIZE_DEFAULT },
});
