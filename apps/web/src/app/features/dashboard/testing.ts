import type { Dashboard } from '@maillage/shared/domain';

/** Test data factory: a dashboard of Seine-et-Marne, shaped like the API's answer. */
export function buildDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    period: { from: '2026-01-01', to: '2026-11-22' },
    scope: {
      departementCode: '77',
      level: 'departement',
      epci: null,
      commune: null,
      communes: 507,
      population: 1468108,
    },
    computedOn: '2026-11-22',
    sites: { active: 98, total: 120 },
    msus: { active: 62, accredited: 26, total: 88, accreditedInPeriod: 14 },
    places: {
      semester: '2027-S',
      label: 'Été 2027',
      offered: 142,
      requested: 169,
      filled: null,
      gap: -27,
      includesDocteursJuniors: false,
      docteurJunior: { offered: 9, requested: 11, filled: null, gap: -2 },
      scope: 'departement',
    },
    pipeline: {
      funnel: [
        { stage: 'identified', label: 'Identifié', count: 60, reached: 208, conversionToNext: 0.7115 },
        { stage: 'contacted', label: 'Contacté', count: 20, reached: 148, conversionToNext: 0.8649 },
        { stage: 'interested', label: 'Intéressé', count: 16, reached: 128, conversionToNext: 0.875 },
        { stage: 'in_training', label: 'En formation MSU', count: 14, reached: 112, conversionToNext: 0.875 },
        { stage: 'file_submitted', label: 'Dossier déposé', count: 10, reached: 98, conversionToNext: 0.898 },
        { stage: 'accredited', label: 'Agréé', count: 26, reached: 88, conversionToNext: 0.7045 },
        { stage: 'active', label: 'MSU actif', count: 62, reached: 62, conversionToNext: null },
      ],
      exits: [
        { stage: 'declined', label: 'A décliné', count: 22 },
        { stage: 'retired', label: 'Retiré', count: 20 },
      ],
    },
    referrals: {
      total: 17,
      byOutcome: [
        { status: 'new', label: 'Nouveau', count: 4 },
        { status: 'assigned', label: 'Attribué', count: 4 },
        { status: 'in_progress', label: 'En cours de suivi', count: 4 },
        { status: 'converted', label: 'Converti (entré dans le parcours MSU)', count: 3 },
        { status: 'declined', label: 'A décliné', count: 0 },
        { status: 'not_eligible', label: 'Non éligible', count: 2 },
      ],
    },
    accessIssues: {
      open: 19,
      openAtEnd: 17,
      raised: 29,
      byCategory: [
        { category: 'public_transport', label: 'Transports en commun', open: 8, raised: 11 },
        { category: 'housing', label: 'Logement', open: 7, raised: 13 },
        { category: 'it', label: 'Informatique et logiciels', open: 4, raised: 5 },
      ],
      trend: [
        { month: '2026-01', raised: 5 },
        { month: '2026-02', raised: 10 },
        { month: '2026-03', raised: 14 },
      ],
    },
    visits: { planned: 41, done: 37, pending: 4, cancelled: 2, doneRate: 0.9024 },
    accreditations: { alertMonths: 6, expiring: 10, expired: 5 },
    intents: {
      total: 25,
      byStatus: [
        { status: 'intention', label: 'Intention', count: 9 },
        { status: 'in_discussion', label: 'En discussion', count: 8 },
        { status: 'settled', label: 'Installé', count: 5 },
        { status: 'abandoned', label: 'Abandonné', count: 3 },
      ],
    },
    generalPractitioners: {
      directoryLoadedAt: '2026-09-23T06:30:00.000Z',
      count: 1203,
      population: 1468108,
      per10000: 8.19,
    },
    ...overrides,
  };
}
