import { CellError, cellValue, parseBoolean, parseChoice, parseDate, parseList, parseNumber } from './cells';

describe('import cells', () => {
  it.each([
    ['oui', true],
    ['Non', false],
    ['VRAI', true],
    ['x', true],
    ['0', false],
    ['', null],
  ])('reads %j as %j', (text, value) => expect(parseBoolean(text)).toBe(value));

  it('refuses a word that is not yes or no, in French', () => {
    expect(() => parseBoolean('peut-être')).toThrow(new CellError('« oui » ou « non » attendu (reçu « peut-être »).'));
  });

  it.each([
    ['12,5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u202f234', 1234],
    ['48.85', 48.85],
    ['-2,35', -2.35],
    ['', null],
  ])('reads the number %j', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['12,5,3', 'douze', '1e', '--1'])('refuses %j as a number', (text) => {
    expect(() => parseNumber(text)).toThrow(CellError);
  });

  it.each([
    ['12/11/2026', '2026-11-12'],
    ['1/2/2026', '2026-02-01'],
    ['12.11.26', '2026-11-12'],
    ['2026-11-12', '2026-11-12'],
    ['2026-11-12T00:00', '2026-11-12'],
    ['46338', '2026-11-12'], // Excel serial number
    ['45000.5', '2023-03-15'],
    ['', null],
  ])('reads the date %j as %j', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31/02/2026', '2026-13-01', 'demain', '12/11', '2026'])('refuses the date %j', (text) => {
    expect(() => parseDate(text)).toThrow(CellError);
  });

  it('reads a choice by code, label or synonym, accents and case ignored', () => {
    const labels = { msp: 'Maison de santé pluriprofessionnelle (MSP)', pmi: 'Centre de PMI' } as const;
    const values = ['msp', 'pmi'] as const;
    expect(parseChoice('MSP', values, labels)).toBe('msp');
    expect(parseChoice('maison de sante pluriprofessionnelle (msp)', values, labels)).toBe('msp');
    expect(parseChoice('PMI départementale', values, labels, { 'pmi departementale': 'pmi' })).toBe('pmi');
    expect(() => parseChoice('hôpital', values, labels)).toThrow(/valeurs possibles : Maison de santé/);
  });

  it('splits lists and removes the quote our export puts before formulas', () => {
    expect(parseList('N1, SASPAS ;SAFE')).toEqual(['N1', 'SASPAS', 'SAFE']);
    expect(cellValue("'=1+1")).toBe('=1+1');
    expect(cellValue("'-2")).toBe('-2');
    expect(cellValue(" l'Almont ")).toBe("l'Almont");
  });
});
