import type { Dashboard } from '@maillage/shared/domain';
import { cardCaptions, emptyCharts, keyFigures } from './dashboard-figures';
import { buildDashboard } from './testing';

/** Intl's French spaces (narrow no-break) written as plain spaces, to keep expectations readable. */
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

describe('dashboard key figures and captions', () => {
  it('derives the key figures from the dashboard', () => {
    const figures = keyFigures(buildDashboard());
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(figures.map((f) => f.key)).toEqual([
      'sites',
      'msus',
      'places',
      'general-practitioners',
      'accreditations',
      'visits',
      'access-issues',
      'referrals',
    ]);
    expect(byKey['sites']).toMatchObject({ value: '98', caption: 'sur 120 terrains recensés', area: 'sites' });
    expect(byKey['msus']).toMatchObject({
      value: '62',
      caption: '+ 26 agréés pas encore actifs · 88 au total · 14 agréés sur la période',
    });
    expect(byKey['places']).toMatchObject({
      label: 'Places · Été 2027 (hors docteurs juniors)',
      value: '142',
      unit: 'offertes / 169 demandées',
      tone: 'alert',
    });
    expect(byKey['places'].caption).toBe(
      'Manque : \u221227 places (semestre à venir, tout le département) · Docteurs juniors, à part : 9 offertes / 11 demandées',
    );
    expect(plain(byKey['general-practitioners'].caption)).toBe(
      '1 203 médecins · 1 468 108 habitants · Annuaire Santé (RPPS), chargé le 23 septembre 2026',
    );
    expect(byKey['general-practitioners']).toMatchObject({ value: '8,19', unit: 'pour 10 000 hab.', area: null });
    expect(byKey['accreditations']).toMatchObject({ value: '10', unit: 'd’ici 6 mois', tone: 'alert' });
    expect(plain(byKey['visits'].caption)).toBe('90 % réalisées · 2 annulées');
    expect(byKey['visits']).toMatchObject({ value: '37', unit: '/ 41 prévues' });
    expect(byKey['access-issues']).toMatchObject({ value: '19', caption: '29 signalées sur la période' });
    expect(byKey['referrals']).toMatchObject({ value: '17', caption: 'reçus sur la période · 3 convertis' });
  });

  it('says « Annuaire RPPS non chargé » rather than a density before any directory load', () => {
    const d = buildDashboard({
      generalPractitioners: { directoryLoadedAt: null, count: null, population: 1468108, per10000: null },
    });
    const gp = keyFigures(d).find((f) => f.key === 'general-practitioners');
    expect(gp).toMatchObject({ value: 'Annuaire RPPS non chargé', unit: null, area: 'referenceData' });
    expect(gp?.caption).toContain('« Données de référence »');
    expect(gp?.caption).not.toMatch(/\d/);
  });

  it('says when the density or the visit rate cannot be computed', () => {
    const d = buildDashboard({
      generalPractitioners: { directoryLoadedAt: '2026-08-31T22:30:00.000Z', count: 0, population: 0, per10000: null },
      visits: { planned: 0, done: 0, pending: 0, cancelled: 0, doneRate: null },
      places: { ...buildDashboard().places, offered: 12, requested: 10, gap: 2 },
    });
    const byKey = Object.fromEntries(keyFigures(d).map((f) => [f.key, f]));
    expect(byKey['general-practitioners']).toMatchObject({
      value: 'Non connu',
      unit: null,
      caption: '0 médecin · population inconnue · Annuaire Santé (RPPS), chargé le 1er septembre 2026',
    });
    expect(byKey['visits'].caption).toBe('aucune visite prévue');
    expect(byKey['places']).toMatchObject({
      tone: 'good',
      caption:
        'Excédent : +2 places (semestre à venir, tout le département) · Docteurs juniors, à part : 9 offertes / 11 demandées',
    });
  });

  it('writes the captions of the charts', () => {
    const captions = cardCaptions(buildDashboard());
    expect(plain(captions.funnel)).toBe(
      'Situation au 22 novembre 2026. 30 % des professionnels identifiés sont devenus MSU actifs. Sorties du parcours : A décliné : 22 · Retiré : 20.',
    );
    expect(captions.places).toBe(
      'Manque : \u221227 places · Été 2027, semestre à venir, à l’échelle du département (la demande y est saisie). ' +
        'Hors docteurs juniors, comptés à part.',
    );
    expect(captions.issuesByCategory).toBe('19 ouvertes aujourd’hui · 17 ouvertes au 22 novembre 2026.');
    expect(plain(captions.visits)).toBe('Taux de réalisation : 90 % des visites prévues sur la période.');
  });

  it('flags the charts with nothing to draw', () => {
    const d: Dashboard = buildDashboard();
    expect(Object.values(emptyCharts(d)).some(Boolean)).toBe(false);
    const quiet = buildDashboard({
      referrals: { total: 0, byOutcome: d.referrals.byOutcome.map((o) => ({ ...o, count: 0 })) },
      accessIssues: { ...d.accessIssues, trend: [] },
    });
    expect(emptyCharts(quiet)).toMatchObject({ referrals: true, issuesTrend: true, funnel: false, intents: false });
  });
});
