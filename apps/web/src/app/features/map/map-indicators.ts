import {
  type MapCommune,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  type SiteStatus,
  type Zonage,
  ZONAGE_LABELS,
  ZONAGES,
} from '@maillage/shared/domain';

/** The figures a commune can be shaded by; the key is the URL value (`/carte?indicateur=msu`). */
export const INDICATOR_KEYS = ['medecins', 'msu', 'places', 'difficultes', 'zonage'] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
export const DEFAULT_INDICATOR: IndicatorKey = 'medecins';

export interface NumericIndicator {
  key: Exclude<IndicatorKey, 'zonage'>;
  kind: 'numeric';
  /** The label of the toggle and the legend's title. */
  label: string;
  /** The column header of the table. */
  column: string;
  /** Smallest step between two values (1 for counts, 0.01 for the rate per 10 000). */
  step: number;
  value: (c: MapCommune) => number | null;
  /** Legend label of the communes without a value. */
  missingLabel: string;
  palette: readonly string[];
}

export interface ZonageIndicator {
  key: 'zonage';
  kind: 'categorical';
  label: string;
  column: string;
}

export type Indicator = NumericIndicator | ZonageIndicator;

/** ColorBrewer "Blues", "Purples" and "Oranges" (5 classes; no green: the active sites are green), readable in grey and by colour-blind people. */
const BLUES = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
const PURPLES = ['#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'] as const;
const ORANGES = ['#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'] as const;

export const INDICATORS: Readonly<Record<IndicatorKey, Indicator>> = {
  medecins: {
    key: 'medecins',
    kind: 'numeric',
    label: 'Médecins généralistes / 10 000 hab.',
    column: 'Généralistes / 10 000 hab.',
    step: 0.01,
    value: (c) => c.gpsPer10000,
    missingLabel: 'Population inconnue',
    palette: BLUES,
  },
  msu: {
    key: 'msu',
    kind: 'numeric',
    label: 'MSU',
    column: 'MSU',
    step: 1,
    value: (c) => c.msus,
    missingLabel: 'Non renseigné',
    palette: PURPLES,
  },
  places: {
    key: 'places',
    kind: 'numeric',
    label: 'Places offertes',
    column: 'Places offertes',
    step: 1,
    value: (c) => c.placesOffered,
    missingLabel: 'Non renseigné',
    palette: BLUES,
  },
  difficultes: {
    key: 'difficultes',
    kind: 'numeric',
    label: 'Difficultés ouvertes',
    column: 'Difficultés ouvertes',
    step: 1,
    value: (c) => c.openIssues,
    missingLabel: 'Non renseigné',
    palette: ORANGES,
  },
  zonage: { key: 'zonage', kind: 'categorical', label: 'Zonage', column: 'Zonage ARS' },
};

export function isIndicatorKey(value: unknown): value is IndicatorKey {
  return typeof value === 'string' && (INDICATOR_KEYS as readonly string[]).includes(value);
}

/** Communes with a zero value and those without a value: neutral, outside the colour ramp. */
export const ZERO_COLOUR = '#f4f1ea';
export const MISSING_COLOUR = '#d9d9d9';

/** Zonage: the under-served zones in warm tones (strongest first), the others in cool or neutral tones. */
export const ZONAGE_COLOURS: Readonly<Record<Zonage, string>> = {
  ZIP: '#d7301f',
  QPV_ZIP: '#ef6548',
  ZAC: '#fdae6b',
  QPV_ZAC: '#fdd49e',
  ZV: '#9ecae1',
  HZ: '#f4f1ea',
};

/** Site markers: colour by status (the legend and the list carry the text). */
export const SITE_STATUS_COLOURS: Readonly<Record<SiteStatus, string>> = {
  active: '#1b6b3a',
  prospect: '#1565c0',
  suspended: '#b45309',
  closed: '#616161',
};

const INTEGER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "1 234" for counts, "2,86" for the rate; "—" without a value. */
export function formatValue(value: number | null, step: number): string {
  if (value === null) return '—';
  return step < 1 ? DECIMAL.format(value) : INTEGER.format(value);
}

/**
 * Upper bounds of the classes of the positive values (at most `count` classes, by quantiles),
 * rounded up to the indicator's step, strictly increasing, the last one the maximum. Zero and
 * missing values have classes of their own and take no part.
 */
export function classBreaks(values: readonly (number | null)[], step: number, count = 5): number[] {
  const positives = values.filter((v): v is number => v !== null && v > 0).sort((a, b) => a - b);
  if (positives.length === 0) return [];
  const roundUp = (v: number) => Math.round(Math.ceil(v / step - 1e-9) * step * 1e6) / 1e6;
  const breaks: number[] = [];
  for (let k = 1; k <= count; k++) {
    const index = Math.ceil((k / count) * positives.length) - 1;
    const bound = roundUp(positives[Math.max(0, index)]);
    if (breaks.length === 0 || bound > breaks[breaks.length - 1]) breaks.push(bound);
  }
  return breaks;
}

/** The colour of each class: the upper part of the ramp when there are fewer classes than colours. */
export function classColours(classCount: number, palette: readonly string[]): string[] {
  if (classCount === 0) return [];
  if (classCount >= palette.length) return [...palette];
  // Spread the classes over the ramp, always ending on its darkest colour.
  return Array.from({ length: classCount }, (_, i) =>
    classCount === 1 ? palette[palette.length - 1] : palette[Math.round((i * (palette.length - 1)) / (classCount - 1))],
  );
}

export interface LegendEntry {
  colour: string;
  label: string;
  /** Communes in this class. */
  count: number;
}

export interface Classification {
  /** The fill of a commune. */
  colourOf: (c: MapCommune) => string;
  /** The legend, in reading order; classes without any commune are left out. */
  legend: LegendEntry[];
}

/** The numeric classes: "0", then "de 1 à 2", "de 3 à 5"… (or "2,86" alone), then the missing values. */
export function classifyNumeric(indicator: NumericIndicator, communes: readonly MapCommune[]): Classification {
  const values = communes.map(indicator.value);
  const breaks = classBreaks(values, indicator.step);
  const colours = classColours(breaks.length, indicator.palette);
  const classOf = (v: number): number => breaks.findIndex((b) => v <= b + 1e-9);
  const colourOf = (c: MapCommune): string => {
    const v = indicator.value(c);
    if (v === null) return MISSING_COLOUR;
    if (v <= 0) return ZERO_COLOUR;
    return colours[classOf(v)] ?? colours[colours.length - 1];
  };
  const fmt = (v: number) => formatValue(v, indicator.step);
  const legend: LegendEntry[] = [
    { colour: ZERO_COLOUR, label: '0', count: values.filter((v) => v !== null && v <= 0).length },
    ...breaks.map((upper, i) => {
      const lower = i === 0 ? indicator.step : Math.round((breaks[i - 1] + indicator.step) * 1e6) / 1e6;
      return {
        colour: colours[i],
        label: lower >= upper ? fmt(upper) : `de ${fmt(lower)} à ${fmt(upper)}`,
        count: values.filter((v) => v !== null && v > 0 && classOf(v) === i).length,
      };
    }),
    { colour: MISSING_COLOUR, label: indicator.missingLabel, count: values.filter((v) => v === null).length },
  ];
  return { colourOf, legend: legend.filter((e) => e.count > 0) };
}

/** The zonage classes, in the order of the ARS list, then the communes without one. */
export function classifyZonage(communes: readonly MapCommune[]): Classification {
  const colourOf = (c: MapCommune) => (c.zonage ? ZONAGE_COLOURS[c.zonage.code] : MISSING_COLOUR);
  const legend: LegendEntry[] = [
    ...ZONAGES.map((z) => ({
      colour: ZONAGE_COLOURS[z],
      label: ZONAGE_LABELS[z],
      count: communes.filter((c) => c.zonage?.code === z).length,
    })),
    { colour: MISSING_COLOUR, label: 'Zonage non renseigné', count: communes.filter((c) => !c.zonage).length },
  ];
  return { colourOf, legend: legend.filter((e) => e.count > 0) };
}

export function classify(indicator: Indicator, communes: readonly MapCommune[]): Classification {
  return indicator.kind === 'categorical' ? classifyZonage(communes) : classifyNumeric(indicator, communes);
}

/** The value shown in the table and announced for a commune. */
export function indicatorText(indicator: Indicator, c: MapCommune): string {
  if (indicator.kind === 'categorical') return c.zonage?.label ?? 'Non renseigné';
  return formatValue(indicator.value(c), indicator.step);
}

export interface SiteLegendEntry {
  status: SiteStatus;
  colour: string;
  label: string;
  count: number;
}

/** The statuses present among the sites, in the usual order. */
export function siteLegend(statuses: readonly SiteStatus[]): SiteLegendEntry[] {
  return SITE_STATUSES.map((status) => ({
    status,
    colour: SITE_STATUS_COLOURS[status],
    label: SITE_STATUS_LABELS[status],
    count: statuses.filter((s) => s === status).length,
  })).filter((e) => e.count > 0);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** The hover card of a commune, every figure (HTML, escaped). */
export function communeTooltip(c: MapCommune): string {
  const rows: [string, string][] = [
    ['Population', c.population === null ? 'inconnue' : INTEGER.format(c.population)],
    ['Médecins généralistes', c.gps === null ? 'annuaire RPPS non chargé' : INTEGER.format(c.gps)],
    ['Généralistes / 10 000 hab.', formatValue(c.gpsPer10000, 0.01)],
    ['MSU', INTEGER.format(c.msus)],
    ['Places offertes', INTEGER.format(c.placesOffered)],
    ['Difficultés ouvertes', INTEGER.format(c.openIssues)],
    ['Zonage', c.zonage?.label ?? 'non renseigné'],
  ];
  const epci = c.epci ? `<div class="map-tip__sub">${escapeHtml(c.epci.name)}</div>` : '';
  return (
    `<div class="map-tip"><strong>${escapeHtml(c.name)}</strong> <span class="map-tip__code">${escapeHtml(c.code)}</span>${epci}` +
    `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl></div>`
  );
}

/** The hover card of a site. */
export function siteTooltip(site: {
  name: string;
  communeName: string;
  status: SiteStatus;
  position: 'site' | 'commune' | null;
}): string {
  const where = site.position === 'commune' ? ' (placé au centre de la commune)' : '';
  return (
    `<div class="map-tip"><strong>${escapeHtml(site.name)}</strong>` +
    `<div class="map-tip__sub">${escapeHtml(site.communeName)}${where} · ${escapeHtml(SITE_STATUS_LABELS[site.status])}</div></div>`
  );
}
