import { normalizeSearchText } from './text';

describe('normalizeSearchText', () => {
  it.each([
    ['Émerainville', 'emerainville'],
    ['CHÂTEAU-LANDON', 'chateau landon'],
    ['Château-Landon', 'chateau landon'],
    ["L'Haÿ-les-Roses", 'l hay les roses'],
    ['Saint-Germain-sur-Morin', 'saint germain sur morin'],
    ['  Crégy-lès-Meaux  ', 'cregy les meaux'],
    ['Cœuvres-et-Valsery', 'coeuvres et valsery'],
    ['ŒUVRE', 'oeuvre'],
    ['Lætitia', 'laetitia'],
    ['Évry -- Courcouronnes', 'evry courcouronnes'],
    ['Noisy-le-Grand (93)', 'noisy le grand 93'],
    ['77288', '77288'],
    ['', ''],
    ['  ', ''],
    ['!?—…', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('folds a name and its plain spelling to the same text', () => {
    expect(normalizeSearchText('Vaux-le-Pénil')).toBe(normalizeSearchText('vaux le penil'));
    expect(normalizeSearchText('St-Germain')).not.toBe(normalizeSearchText('Saint-Germain'));
  });
});
