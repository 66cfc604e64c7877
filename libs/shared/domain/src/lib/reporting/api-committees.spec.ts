import type { OfferFigures, OfferKeyFigure, OfferSemesterFigures } from './api-committees';
import { OFFER_KEY_FIGURES, semesterKeyFigure } from './api-committees';

function semester(code: string, label: string, offered: number, requested: number): OfferSemesterFigures {
  return { semester: code, label, stageTypes: [], totals: { offered, requested, gap: offered - requested } };
}

function figures(
  semesters: OfferSemesterFigures[],
  sitesActive: number,
): Pick<OfferFigures, 'keyFigures' | 'semesters'> {
  const keyFigures = Object.fromEntries(OFFER_KEY_FIGURES.map((k) => [k, 0])) as Record<OfferKeyFigure, number>;
  keyFigures.sitesActive = sitesActive;
  keyFigures.placesOfferedCurrent = semesters[0].totals.offered;
  keyFigures.placesOfferedNext = semesters[1].totals.offered;
  return { keyFigures, semesters };
}

describe('semesterKeyFigure', () => {
  const september = figures([semester('2026-S', 'Été 2026', 10, 12), semester('2026-W', 'Hiver 2026-2027', 20, 18)], 5);
  const november = figures([semester('2026-W', 'Hiver 2026-2027', 22, 18), semester('2027-S', 'Été 2027', 9, 11)], 7);

  it('reads a snapshot’s own figures, naming the semester', () => {
    expect(semesterKeyFigure('placesOfferedCurrent', november)).toEqual({
      label: 'Places offertes hors docteurs juniors — Hiver 2026-2027',
      value: 22,
    });
    expect(semesterKeyFigure('gapNext', november)).toEqual({ label: 'Écart — Été 2027', value: -2 });
  });

  it('reads an earlier snapshot for the semesters of the later one, not by position', () => {
    expect(semesterKeyFigure('placesOfferedCurrent', september, november)).toEqual({
      label: 'Places offertes hors docteurs juniors — Hiver 2026-2027',
      value: 20,
    });
    expect(semesterKeyFigure('placesRequestedCurrent', september, november).value).toBe(18);
    expect(semesterKeyFigure('placesOfferedNext', september, november)).toEqual({
      label: 'Places offertes hors docteurs juniors — Été 2027',
      value: null,
    });
  });

  it('leaves figures that are not per semester as they are', () => {
    expect(semesterKeyFigure('sitesActive', september, november)).toEqual({ label: 'Terrains actifs', value: 5 });
  });
});
