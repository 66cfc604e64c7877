const LONG_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Narrow no-break spaces are not in every font: print plain no-break spaces. */
export const printable = (text: string): string => text.replace(/\u202f/g, '\u00a0');

/** « 12 500 € » (whole euros). */
export const euros = (n: number): string => printable(EUROS.format(n));

/** `2026-11-12` → « 12 novembre 2026 » (« 1er » for the first of the month). */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return LONG_DATE.format(new Date(Date.UTC(y, m - 1, d))).replace(/^1 /, '1er ');
}

/** An instant as the users read it, in Paris time: « 24 novembre 2026 à 10 h 32 ». */
export function frenchDateTime(instant: Date): string {
  const [h, min] = PARIS_TIME.format(instant).split(':');
  return `${frenchDate(PARIS_DAY.format(instant))} à ${Number(h)} h ${min}`;
}

/** `HH:MM` → « 14 h 30 ». */
export function frenchTime(time: string): string {
  const [h, m] = time.split(':');
  return `${Number(h)} h ${m}`;
}

/** `21770288600011` → « 217 702 886 00011 » (SIREN, then the establishment number). */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** An ASCII-safe file name: `visite-msp-de-l-almont-2026-11-12.pdf`. */
export function reportFilename(siteName: string, date: string): string {
  const slug = siteName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '');
  return `visite-${slug || 'terrain'}-${date}.pdf`;
}
