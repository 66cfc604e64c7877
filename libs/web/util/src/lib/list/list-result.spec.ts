import { countText } from './list-result';

describe('countText', () => {
  const words = { none: 'Aucun terrain trouvé.', one: '1 terrain trouvé.', many: '{n} terrains trouvés.' };

  it.each([
    [undefined, ''],
    [0, 'Aucun terrain trouvé.'],
    [1, '1 terrain trouvé.'],
    [1240, '1 240 terrains trouvés.'],
  ])('%s → %s', (total, text) => {
    expect(countText(total, words).replace(/\u202f/g, ' ')).toBe(text);
  });
});
