import type { HttpResourceRequest } from '@angular/common/http';

export const COMMUNES_URL = '/api/communes';

/** `GET /api/communes?q=&page=&pageSize=`; no `q` when the box is empty. */
export function communesRequest(query: { q: string; page: number; pageSize: number }): HttpResourceRequest {
  const params: Record<string, string | number> = { page: query.page, pageSize: query.pageSize };
  if (query.q) params['q'] = query.q;
  return { url: COMMUNES_URL, params };
}
