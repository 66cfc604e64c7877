import { ZONAGES, type Zonage } from '../territory';
import { type AllowanceRules, DEFAULT_ALLOWANCE_RULES, housingAllowance, transportAllowance } from './allowances';

describe('transportAllowance (more than 15 km from both the CHU and home)', () => {
  it.each<[string, number | null, number | null, boolean, RegExp]>([
    ['CHU distance unknown', null, 40, false, /^Distance au CHU inconnue\.$/],
    ['both distances unknown', null, null, false, /^Distance au CHU inconnue\.$/],
    ['at the CHU', 0, 40, false, /^À 0 km du CHU \(seuil : plus de 15 km\)\.$/],
    ['exactly 15 km from the CHU', 15, 40, false, /^À 15 km du CHU \(seuil : plus de 15 km\)\.$/],
    ['just over 15 km from the CHU and home', 15.1, 15.1, true, /^À 15,1 km du CHU\.$/],
    ['far from the CHU, exactly 15 km from home', 40, 15, false, /^À 15 km du domicile de l’interne \(seuil/],
    ['far from the CHU, near home', 40, 3, false, /^À 3 km du domicile de l’interne/],
    ['far from both', 40, 60, true, /^À 40 km du CHU\.$/],
    [
      'far from the CHU, home unknown',
      40,
      null,
      true,
      /^À 40 km du CHU si le domicile de l’interne est aussi à plus de 15 km\.$/,
    ],
    ['near the CHU, home unknown', 10, null, false, /^À 10 km du CHU/],
  ])('%s (CHU %p km, home %p km) → eligible %p', (_, chu, home, eligible, reason) => {
    const result = transportAllowance(chu, home);
    expect(result).toEqual({ eligible, monthlyAmount: eligible ? 130 : 0, reason: expect.stringMatching(reason) });
  });

  it.each<[number, number | null, boolean]>([
    [20, 30, false],
    [20.5, 30, true],
    [30, 20, false],
    [30, 21, true],
  ])('follows the configured threshold (20 km): CHU %p, home %p → %p', (chu, home, eligible) => {
    const rules: AllowanceRules = { ...DEFAULT_ALLOWANCE_RULES, transportDistanceKm: 20, transportMonthly: 150 };
    expect(transportAllowance(chu, home, rules)).toMatchObject({ eligible, monthlyAmount: eligible ? 150 : 0 });
  });
});

describe('housingAllowance (site in ZIP or ZAC)', () => {
  it.each<[Zonage | null, boolean, string]>([
    ['ZIP', true, 'Commune classée ZIP.'],
    ['ZAC', true, 'Commune classée ZAC.'],
    ['QPV_ZIP', true, 'Commune classée QPV-ZIP.'],
    ['QPV_ZAC', true, 'Commune classée QPV-ZAC.'],
    ['ZV', false, 'Commune classée ZV (hors ZIP et ZAC).'],
    ['HZ', false, 'Commune classée HZ (hors ZIP et ZAC).'],
    [null, false, 'Zonage de la commune inconnu.'],
  ])('%s → eligible %p', (zonage, eligible, reason) => {
    expect(housingAllowance(zonage)).toEqual({ eligible, monthlyAmount: eligible ? 300 : 0, reason });
  });

  it('covers every zonage of the contract', () => {
    expect(ZONAGES.filter((z) => housingAllowance(z).eligible)).toEqual(['ZIP', 'ZAC', 'QPV_ZIP', 'QPV_ZAC']);
  });

  it('pays the configured amount', () => {
    expect(housingAllowance('ZAC', { ...DEFAULT_ALLOWANCE_RULES, housingMonthly: 350 }).monthlyAmount).toBe(350);
  });
});
