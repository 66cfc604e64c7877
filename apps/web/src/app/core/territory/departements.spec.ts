import { departementLabel } from './departements';

describe('departementLabel', () => {
  it.each([
    ['77', 'Seine-et-Marne'],
    ['2A', 'Corse-du-Sud'],
    [null, 'Tous les départements'],
    ['00', 'Département 00'],
  ])('%s → %s', (code, label) => {
    expect(departementLabel(code)).toBe(label);
  });
});
