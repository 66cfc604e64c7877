import { passwordProblem } from './password-policy';

const owner = { email: 'jeanne.dupont@departement77.fr', displayName: 'Jeanne Dupont', departementCode: '77' };

describe('passwordProblem', () => {
  it.each<[string, string, RegExp]>([
    ['too short', 'Tulipe-7', /12 caractères au moins/],
    ['common', 'password1234', /trop facile à deviner/],
    ['digits', '123456789012', /trop facile à deviner/],
    ['twelve spaces', ' '.repeat(12), /que d’espaces/],
    ['the own e-mail', 'jeanne.dupont@departement77.fr', /données personnelles|votre adresse e-mail/],
    ['the own name', 'Jeanne-Dupont-77', /données personnelles|votre nom/],
    ['the site and the département', 'maillage-seine77', /trop facile|votre nom/],
    ['the demo password', 'demo-maillage-77', /démonstration/],
    ['a keyboard row', 'azertyuiop123', /trop facile à deviner/],
    ['too long', 'x'.repeat(201), /200 caractères au plus/],
  ])('refuses %s, with a French reason', (_, password, reason) => {
    expect(passwordProblem(password, owner)).toMatch(reason);
  });

  it.each(['correct-horse-battery-77', 'Melun tranquille rivière 9', 'Les-mirabelles-de-Provins-1848'])(
    'accepts %s',
    (password) => {
      expect(passwordProblem(password, owner)).toBeNull();
    },
  );
});
