/**
 * Requests that move whole files or many records: an upload, an import applied or undone, a
 * reference file loaded, a streamed export. They get `BULK_REQUEST_TIMEOUT_MS` instead of the
 * everyday deadline, and their transactions call `allowLongStatements`. A domain adding such a
 * route adds it here, so the list stays in one place.
 */
interface RoutePattern {
  method: string;
  path: RegExp;
}

/**
 * Routes whose body is a file the route streams and checks itself (type from the content, size
 * limit of its own): the JSON body parser leaves them alone, whatever their content type.
 */
const UPLOAD_ROUTES: readonly RoutePattern[] = [
  { method: 'POST', path: /^\/api\/imports\/?$/ },
  { method: 'POST', path: /^\/api\/rpps\/loads\/?$/ },
  { method: 'POST', path: /^\/api\/communes\/(zonages\/import|contours)$/ },
];

const BULK_ROUTES: readonly RoutePattern[] = [
  ...UPLOAD_ROUTES,
  { method: 'POST', path: /^\/api\/imports\/[^/]+\/(apply|undo)$/ },
  { method: 'POST', path: /^\/api\/communes\/contours\/refresh$/ },
  { method: 'GET', path: /^\/api\/exports\// },
  // Documents: a file of up to DOCUMENTS_MAX_MB, streamed from a slow connection.
  { method: 'POST', path: /^\/api\/[\w-]+\/[^/]+\/documents$/ },
  { method: 'POST', path: /^\/api\/documents\/[^/]+\/versions$/ },
  // Bulk actions: every record of a list's filters in one transaction.
  { method: 'POST', path: /^\/api\/[\w-]+\/bulk(\/export)?$/ },
];

function matches(routes: readonly RoutePattern[], method: string, path: string): boolean {
  return routes.some((route) => route.method === method && route.path.test(path));
}

export function isBulkRequest(method: string, path: string): boolean {
  return matches(BULK_ROUTES, method, path);
}

export function isUploadRequest(method: string, path: string): boolean {
  return matches(UPLOAD_ROUTES, method, path);
}
