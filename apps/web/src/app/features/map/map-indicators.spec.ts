import type { MapCommune } from '@maillage/shared/domain';
import {
  classBreaks,
  classColours,
  classify,
  classifyNumeric,
  classifyZonage,
  communeTooltip,
  formatValue,
  INDICATORS,
  indicatorText,
  isIndicatorKey,
  MISSING_COLOUR,
  type NumericIndicator,
  siteLegend,
  siteTooltip,
  ZERO_COLOUR,
  ZONAGE_COLOURS,
} from './map-indicators';

/** Narrow no-break space, the French thousands separator of Intl. */
const NNBSP = '\u202f';

function buildCommune(overrides: Partial<MapCommune> = {}): MapCommune {
  return {
    code: '77288',
    name: 'Melun',
    population: 41_000,
    epci: { siren: '200072130', name: 'CA Melun Val de Seine' },
    gps: 12,
    gpsPer10000: 2.93,
    msus: 4,
    placesOffered: 6,
    openIssues: 1,
    zonage: { code: 'ZAC', label: 'Zone d’action complémentaire (ZAC)' },
    hasContour: true,
    ...overrides,
  };
}

const msu = INDICATORS.msu as NumericIndicator;
const rate = INDICATORS.medecins as NumericIndicator;

describe('classBreaks', () => {
  it('splits the positive values by quantiles, at most five classes, the last bound being the maximum', () => {
    // 10 values: quantile bounds at the 2nd, 4th, 6th, 8th and 10th.
    expect(classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1)).toEqual([2, 4, 6, 8, 10]);
  });

  it('ignores zeros and missing values, and merges equal bounds', () => {
    expect(classBreaks([0, 0, null, 1, 1, 1, 2, 3, 5, 8], 1)).toEqual([1, 3, 5, 8]);
    expect(classBreaks([0, 0, 3, 3, 3], 1)).toEqual([3]);
  });

  it('has no class without a positive value', () => {
    expect(classBreaks([0, null, 0], 1)).toEqual([]);
    expect(classBreaks([], 0.01)).toEqual([]);
  });

  it('rounds the bounds up to the step of the indicator', () => {
    expect(classBreaks([0.123, 1.5, 2.857, 4.001], 0.01, 2)).toEqual([1.5, 4.01]);
    expect(classBreaks([1.2, 2.5], 1, 2)).toEqual([2, 3]);
  });
});

describe('classColours', () => {
  const palette = ['a', 'b', 'c', 'd', 'e'];

  it('uses the whole ramp for five classes and ends on the darkest colour for fewer', () => {
    expect(classColours(5, palette)).toEqual(palette);
    expect(classColours(3, palette)).toEqual(['a', 'c', 'e']);
    expect(classColours(2, palette)).toEqual(['a', 'e']);
    expect(classColours(1, palette)).toEqual(['e']);
    expect(classColours(0, palette)).toEqual([]);
  });
});

describe('numeric classification', () => {
  const communes = [0, 0, 1, 1, 1, 2, 3, 5, 8].map((msus, i) =>
    buildCommune({ code: `7700${i}`, name: `C${i}`, msus }),
  );

  it('colours zero apart, then each class from light to dark', () => {
    const { colourOf } = classifyNumeric(msu, communes);
    const palette = msu.palette;
    expect(colourOf(communes[0])).toBe(ZERO_COLOUR);
    expect(colourOf(communes[2])).toBe(palette[0]); // 1
    expect(colourOf(communes[5])).toBe(palette[1]); // 2 → class 2–3
    expect(colourOf(communes[6])).toBe(palette[1]); // 3
    expect(colourOf(communes[7])).toBe(palette[3]); // 5 → class 4–5
    expect(colourOf(communes[8])).toBe(palette[4]); // 8 → class 6–8
  });

  it('builds a French legend with the number of communes in each class', () => {
    expect(classifyNumeric(msu, communes).legend.map(({ label, count }) => ({ label, count }))).toEqual([
      { label: '0', count: 2 },
      { label: '1', count: 3 },
      { label: 'de 2 à 3', count: 2 },
      { label: 'de 4 à 5', count: 1 },
      { label: 'de 6 à 8', count: 1 },
    ]);
  });

  it('writes rates with two decimals and a comma, and lists the unknown populations', () => {
    const rated = [null, 0, 0.5, 1.25, 2.5, 10.4].map((gpsPer10000, i) =>
      buildCommune({ code: `7710${i}`, gpsPer10000 }),
    );
    const { legend, colourOf } = classifyNumeric(rate, rated);
    expect(legend.map((e) => e.label)).toEqual([
      '0',
      'de 0,01 à 0,50',
      'de 0,51 à 1,25',
      'de 1,26 à 2,50',
      'de 2,51 à 10,40',
      'Population inconnue',
    ]);
    expect(colourOf(rated[0])).toBe(MISSING_COLOUR);
    expect(legend[legend.length - 1]).toEqual({ colour: MISSING_COLOUR, label: 'Population inconnue', count: 1 });
  });

  it('shows only the zero class when no commune has a value', () => {
    const { legend } = classify(msu, [buildCommune({ msus: 0 }), buildCommune({ code: '77001', msus: 0 })]);
    expect(legend).toEqual([{ colour: ZERO_COLOUR, label: '0', count: 2 }]);
  });
});

describe('zonage classification', () => {
  it('gives each ARS zonage its colour and label, in the ARS order, then the communes without one', () => {
    const communes = [
      buildCommune({ zonage: { code: 'ZV', label: 'Zone de vigilance (ZV)' } }),
      buildCommune({ zonage: { code: 'ZIP', label: 'Zone d’intervention prioritaire (ZIP)' } }),
      buildCommune({ zonage: { code: 'ZIP', label: 'Zone d’intervention prioritaire (ZIP)' } }),
      buildCommune({ zonage: null }),
    ];
    const { legend, colourOf } = classifyZonage(communes);
    expect(legend).toEqual([
      { colour: ZONAGE_COLOURS.ZIP, label: 'Zone d’intervention prioritaire (ZIP)', count: 2 },
      { colour: ZONAGE_COLOURS.ZV, label: 'Zone de vigilance (ZV)', count: 1 },
      { colour: MISSING_COLOUR, label: 'Zonage non renseigné', count: 1 },
    ]);
    expect(colourOf(communes[0])).toBe(ZONAGE_COLOURS.ZV);
    expect(colourOf(communes[3])).toBe(MISSING_COLOUR);
    expect(classify(INDICATORS.zonage, communes).legend).toEqual(legend);
  });
});

describe('texts', () => {
  it('formats numbers the French way', () => {
    expect(formatValue(41_000, 1)).toBe(`41${NNBSP}000`);
    expect(formatValue(2.857, 0.01)).toBe('2,86');
    expect(formatValue(null, 1)).toBe('—');
    expect(indicatorText(rate, buildCommune())).toBe('2,93');
    expect(indicatorText(INDICATORS.zonage, buildCommune({ zonage: null }))).toBe('Non renseigné');
  });

  it('recognises the indicator keys of the URL', () => {
    expect(isIndicatorKey('msu')).toBe(true);
    expect(isIndicatorKey('zonage')).toBe(true);
    expect(isIndicatorKey('gps')).toBe(false);
    expect(isIndicatorKey(undefined)).toBe(false);
  });

  it('puts every figure of the commune in its hover card, escaped', () => {
    const html = communeTooltip(buildCommune({ name: 'Saint-<Méry>', population: null }));
    expect(html).toContain('<strong>Saint-&lt;Méry&gt;</strong>');
    expect(html).toContain('<dt>Population</dt><dd>inconnue</dd>');
    expect(html).toContain('<dt>Médecins généralistes</dt><dd>12</dd>');
    expect(html).toContain('<dt>Généralistes / 10 000 hab.</dt><dd>2,93</dd>');
    expect(html).toContain('<dt>MSU</dt><dd>4</dd>');
    expect(html).toContain('<dt>Places offertes</dt><dd>6</dd>');
    const unloaded = communeTooltip(buildCommune({ gps: null, gpsPer10000: null }));
    expect(unloaded).toContain('<dt>Médecins généralistes</dt><dd>annuaire RPPS non chargé</dd>');
    expect(html).toContain('<dt>Difficultés ouvertes</dt><dd>1</dd>');
    expect(html).toContain('<dt>Zonage</dt><dd>Zone d’action complémentaire (ZAC)</dd>');
    expect(html).toContain('CA Melun Val de Seine');
  });

  it('says when a site is drawn at its commune', () => {
    expect(siteTooltip({ name: 'MSP A', communeName: 'Melun', status: 'active', position: 'commune' })).toContain(
      'Melun (placé au centre de la commune) · Actif',
    );
    expect(siteTooltip({ name: 'MSP A', communeName: 'Melun', status: 'prospect', position: 'site' })).not.toContain(
      'centre',
    );
  });

  it('lists the site statuses present, in the usual order, with their counts', () => {
    expect(siteLegend(['closed', 'active', 'active', 'prospect']).map(({ label, count }) => [label, count])).toEqual([
      ['Prospect', 1],
      ['Actif', 2],
      ['Fermé', 1],
    ]);
  });
});
