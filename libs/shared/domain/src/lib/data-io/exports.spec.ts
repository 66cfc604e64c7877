import { neutralizeCell, unneutralizeCell } from './exports';

describe('spreadsheet formula neutralisation', () => {
  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Maison de santé', 'Maison de santé'],
    ['', ''],
    ["l'Almont", "l'Almont"],
  ])('%j → %j, and back', (text, safe) => {
    expect(neutralizeCell(text)).toBe(safe);
    expect(unneutralizeCell(safe)).toBe(text);
  });

  it('leaves a lone quote and ordinary quotes alone when reading back', () => {
    expect(unneutralizeCell("'")).toBe("'");
    expect(unneutralizeCell("'abc")).toBe("'abc");
  });
});
