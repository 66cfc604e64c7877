import { DomainException } from '../common/errors/domain-exception';
import {
  type IdentityInput,
  resolveIdentity,
  resolveSettlement,
  type SettlementInput,
  type StoredIdentity,
  type StoredSettlement,
} from './intent-rules';

const named: StoredIdentity = { consent: true, firstName: 'Lucie', lastName: 'Bernard', initials: 'L. B.' };
const anonymous: StoredIdentity = { consent: false, firstName: null, lastName: null, initials: 'A. B.' };

describe('resolveIdentity', () => {
  it.each<[string, IdentityInput, StoredIdentity | undefined, StoredIdentity]>([
    [
      'consent with names',
      { consent: true, firstName: 'Marie-Claire', lastName: 'Dupont' },
      undefined,
      { consent: true, firstName: 'Marie-Claire', lastName: 'Dupont', initials: 'M.-C. D.' },
    ],
    [
      'no consent, names given',
      { consent: false, firstName: 'Jean', lastName: 'Le Goff' },
      undefined,
      { consent: false, firstName: null, lastName: null, initials: 'J. L. G.' },
    ],
    [
      'no consent, initials given',
      { consent: false, initials: 'X. Y.' },
      undefined,
      { consent: false, firstName: null, lastName: null, initials: 'X. Y.' },
    ],
    [
      'consent withdrawn',
      { consent: false },
      named,
      { consent: false, firstName: null, lastName: null, initials: 'L. B.' },
    ],
    [
      'consent given later, with names',
      { consent: true, firstName: 'Ana', lastName: 'Bo' },
      anonymous,
      { consent: true, firstName: 'Ana', lastName: 'Bo', initials: 'A. B.' },
    ],
    ['nothing about identity changes', {}, anonymous, anonymous],
    [
      'a named person renamed',
      { lastName: 'Bernard-Roux' },
      named,
      { consent: true, firstName: 'Lucie', lastName: 'Bernard-Roux', initials: 'L. B.-R.' },
    ],
    [
      'very long names: initials cut to 20 characters',
      { consent: false, firstName: 'A B C D E F', lastName: 'G H I J K L' },
      undefined,
      { consent: false, firstName: null, lastName: null, initials: 'A. B. C. D. E. F. G.' },
    ],
  ])('%s', (_, input, before, expected) => {
    expect(resolveIdentity(input, before)).toEqual(expected);
  });

  it.each<[string, IdentityInput, StoredIdentity | undefined, RegExp]>([
    [
      'consent without names',
      { consent: true },
      undefined,
      /^firstName, lastName : le prénom et le nom sont obligatoires/,
    ],
    ['consent given later without names', { consent: true }, anonymous, /^firstName, lastName/],
    [
      'consent with initials',
      { consent: true, firstName: 'A', lastName: 'B', initials: 'A. B.' },
      undefined,
      /^initials : calculées/,
    ],
    ['no consent and nothing', { consent: false }, undefined, /^initials : sans consentement/],
    [
      'no consent, one name only',
      { consent: false, firstName: 'Jean' },
      undefined,
      /^firstName, lastName : donnez les deux/,
    ],
    [
      'no consent, names and initials',
      { consent: false, firstName: 'A', lastName: 'B', initials: 'A. B.' },
      undefined,
      /^initials : donnez soit/,
    ],
  ])('refuses %s', (_, input, before, message) => {
    expect(() => resolveIdentity(input, before)).toThrow(DomainException);
    expect(() => resolveIdentity(input, before)).toThrow(message);
  });
});

describe('resolveSettlement', () => {
  const settled: StoredSettlement = { status: 'settled', settledOn: '2025-11-03', professionalId: 'p1' };

  it.each<[string, SettlementInput, StoredSettlement | undefined, StoredSettlement]>([
    ['default status', {}, undefined, { status: 'intention', settledOn: null, professionalId: null }],
    [
      'settled with a date',
      { status: 'settled', settledOn: '2025-11-03' },
      undefined,
      { status: 'settled', settledOn: '2025-11-03', professionalId: null },
    ],
    ['link added once settled', { professionalId: 'p2' }, settled, { ...settled, professionalId: 'p2' }],
    [
      'leaving settled clears date and link',
      { status: 'abandoned' },
      settled,
      { status: 'abandoned', settledOn: null, professionalId: null },
    ],
  ])('%s', (_, input, before, expected) => {
    expect(resolveSettlement(input, before)).toEqual(expected);
  });

  it.each<[string, SettlementInput, StoredSettlement | undefined, RegExp]>([
    ['settled without date', { status: 'settled' }, undefined, /^settledOn : la date d’installation est obligatoire/],
    ['settled, date erased', { settledOn: null }, settled, /^settledOn : la date d’installation est obligatoire/],
    [
      'a date without settling',
      { status: 'in_discussion', settledOn: '2025-01-01' },
      undefined,
      /^settledOn : seulement/,
    ],
    ['a link without settling', { professionalId: 'p1' }, undefined, /^professionalId : le lien vers le registre/],
  ])('refuses %s', (_, input, before, message) => {
    expect(() => resolveSettlement(input, before)).toThrow(message);
  });
});
