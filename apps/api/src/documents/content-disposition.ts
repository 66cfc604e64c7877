/**
 * `Content-Disposition: attachment` for a user's file name (RFC 6266): an ASCII `filename` for
 * old clients (accents dropped, quotes, backslashes and other characters replaced by `_`) and the
 * exact name in UTF-8 as `filename*` (RFC 5987). The header itself stays pure ASCII.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_')
    .replace(/_+/g, '_')
    .trim();
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'document'}"; filename*=UTF-8''${encoded}`;
}
