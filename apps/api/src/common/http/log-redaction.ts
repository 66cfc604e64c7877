/**
 * Query values can be personal data (`/api/users?q=<e-mail>`, a searched name) or secrets:
 * the URL written to the logs keeps the names of the parameters, never their values.
 */
export function redactUrl(url: string | undefined): string {
  if (!url) return '';
  const index = url.indexOf('?');
  if (index < 0) return url;
  const names = url
    .slice(index + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${safeName(pair.split('=')[0])}=[…]`);
  return `${url.slice(0, index)}?${names.join('&')}`;
}

function safeName(name: string): string {
  return /^[\w.[\]-]{1,40}$/.test(name) ? name : '?';
}
