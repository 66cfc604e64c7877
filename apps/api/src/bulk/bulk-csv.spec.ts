import { frenchDay, toCsv } from './bulk-csv';

describe('toCsv', () => {
  it('writes French spreadsheets: BOM, semicolons, CRLF, quotes only when needed', () => {
    expect(
      toCsv(
        ['Nom', 'Ville'],
        [
          ['MSP « Les Tilleuls »', 'Melun'],
          ['A;B', 'dit "X"\nsuite'],
          [null, true],
        ],
      ),
    ).toBe('\uFEFFNom;Ville\r\nMSP « Les Tilleuls »;Melun\r\n"A;B";"dit ""X""\nsuite"\r\n;oui\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+33 1 23', '-2', '@SUM(A1)'])('never lets %j run as a formula', (text) => {
    expect(toCsv(['x'], [[text]]).split('\r\n')[1]).toMatch(/^"?'/);
  });

  it('keeps numbers as numbers', () => {
    expect(toCsv(['n'], [[-2], [12.5]])).toBe('\uFEFFn\r\n-2\r\n12.5\r\n');
  });

  it('writes dates the French way', () => {
    expect(frenchDay('2026-03-11')).toBe('11/03/2026');
    expect(frenchDay(null)).toBe('');
  });
});
