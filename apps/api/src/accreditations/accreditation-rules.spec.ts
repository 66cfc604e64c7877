import { DEFAULT_ACCREDITATION_RULES } from '@maillage/shared/domain';

import { checkCoverage, checkTransition, resolveDates, withNote } from './accreditation-rules';

describe('accreditation rules of the API', () => {
  describe('checkCoverage', () => {
    it('accepts 3rd-cycle stage types and phases on a 3rd-cycle accreditation', () => {
      expect(() => checkCoverage('3', ['N1', 'SASPAS'], ['socle'])).not.toThrow();
    });
    it.each<[string, () => void, RegExp]>([
      [
        'an externe stage on a 3rd cycle',
        () => checkCoverage('3', ['EXT_MG', 'N1'], []),
        /EXT_MG ne relève pas du 3e cycle/,
      ],
      ['an interne stage on a 2nd cycle', () => checkCoverage('2', ['N1'], []), /N1 ne relève pas du 2e cycle/],
      ['phases on a 2nd cycle', () => checkCoverage('2', ['EXT_MG'], ['socle']), /que le 3e cycle/],
    ])('refuses %s', (_, check, message) => {
      expect(check).toThrow(message);
    });
  });

  describe('resolveDates', () => {
    const rules = { ...DEFAULT_ACCREDITATION_RULES, durationYears: { '2': 4, '3': 5 } as const };
    it.each<[string | null, string | null, '2' | '3', boolean, string | null]>([
      ['2026-11-02', null, '3', false, '2031-11-01'],
      ['2026-11-02', null, '2', false, '2030-11-01'],
      ['2026-11-02', null, '3', true, '2027-11-01'],
      ['2026-11-02', '2027-06-30', '3', false, '2027-06-30'],
      ['2026-11-02', '2026-11-02', '3', false, '2026-11-02'],
      [null, null, '3', false, null],
    ])('start %s, end %s, cycle %s, conditional %s → end %s', (start, end, cycle, conditional, expected) => {
      expect(resolveDates(start, end, cycle, conditional, rules)).toEqual({ startDate: start, endDate: expected });
    });
    it('refuses an end before the start, and an end without a start', () => {
      expect(() => resolveDates('2026-11-02', '2026-11-01', '3', false, rules)).toThrow(/ne peut pas précéder/);
      expect(() => resolveDates(null, '2026-11-01', '3', false, rules)).toThrow(/date de début est obligatoire/);
    });
  });

  describe('checkTransition', () => {
    it('lets a request be granted', () => expect(() => checkTransition('requested', 'granted')).not.toThrow());
    it('refuses to review a withdrawn accreditation, in French', () => {
      expect(() => checkTransition('withdrawn', 'under_review')).toThrow(
        'Un agrément « Retiré » ne peut pas passer à « En instruction ».',
      );
    });
  });

  describe('withNote', () => {
    it.each<[string | null, string | undefined, string | null]>([
      [null, undefined, null],
      ['Dossier complet.', undefined, 'Dossier complet.'],
      [null, 'Départ du MSU', '2026-03-01 · Retrait : Départ du MSU'],
      ['Dossier complet.', 'Départ du MSU', 'Dossier complet.\n2026-03-01 · Retrait : Départ du MSU'],
    ])('%j + %j → %j', (notes, note, expected) => {
      expect(withNote(notes, '2026-03-01', 'Retrait', note)).toBe(expected);
    });
  });
});
