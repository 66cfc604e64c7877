/**
 * Requests that move whole files or many records: an upload, an import applied or undone, a
 * reference file loaded, a streamed export. They get `BULK_REQUEST_TIMEOUT_MS` instead of the
 * everyday deadline, and their transactions call `allowLongStatements`. A domain adding such a
 * route adds it here, so the list stays in one place.
 */
const BULK_ROUTES: readonly { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/imports\/?$/ },
  { method: 'POST', path: /^\/api\/imports\/[^/]+\/(apply|undo)$/ },
  { method: 'POST', path: /^\/api\/rpps\/loads\/?$/ },
  { method: 'POST', path: /^\/api\/communes\/(zonages\/import|contours|contours\/refresh)$/ },
  { method: 'GET', path: /^\/api\/exports\// },
];

export function isBulkRequest(method: string, path: string): boolean {
  return BULK_ROUTES.some((route) => route.method === method && route.path.test(path));
}
