/**
 * Folds a French name for accent-, case- and punctuation-insensitive search:
 * "Saint-Germain-sur-Morin" and "st germain sur morin" do not match, but
 * "Évry" and "evry", "L'Haÿ" and "l hay" do.
 */
export function normalizeSearchText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
