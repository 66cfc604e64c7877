import type { AuditEventView } from '@maillage/shared/domain';
import { actionLabel, EMPTY_VALUE, fieldLabel, formatValue, toHistoryEntry } from './history-format';

function buildEvent(overrides: Partial<AuditEventView> = {}): AuditEventView {
  return {
    id: 'e-1',
    occurredAt: '2026-11-03T09:15:00.000Z',
    actorEmail: 'chargee.mission@demo.maillage.fr',
    action: 'updated',
    entityType: 'training_site',
    entityId: 's-1',
    changes: {},
    ...overrides,
  };
}

describe('history in French', () => {
  it.each([
    ['created', 'Création'],
    ['updated', 'Modification'],
    ['archived', 'Archivage'],
    ['restored', 'Restauration'],
    ['granted', 'Agrément accordé'],
    ['withdrawn', 'Agrément retiré'],
    ['stage_changed', 'Changement d’étape du parcours MSU'],
    ['something_new', 'Something new'],
  ])('names the action %s « %s »', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });

  it.each([
    ['housingOnSite', 'Logement sur place'],
    ['distanceToChuKm', 'Distance au CHU'],
    ['capacities', 'Capacités d’accueil'],
    ['maxStudents', 'Nombre maximal d’étudiants'],
    ['someNewField', 'Some new field'],
  ])('names the field %s « %s »', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });

  it.each([
    ['training_site', 'status', 'active', 'Actif'],
    ['accreditation', 'status', 'withdrawn', 'Retiré'],
    ['candidate_referral', 'status', 'new', 'Nouveau'],
    ['training_site', 'kind', 'msp', 'Maison de santé pluriprofessionnelle (MSP)'],
    ['training_site', 'parking', true, 'Oui'],
    ['training_site', 'parking', false, 'Non'],
    ['training_site', 'siret', null, EMPTY_VALUE],
    ['training_site', 'distanceToChuKm', 12.5, '12,5 km'],
    ['training_site', 'capacities', { N1: 2, SASPAS: 1 }, 'N1 ×2, SASPAS ×1'],
    ['training_site', 'capacities', {}, 'aucune'],
    ['accreditation', 'endDate', '2031-11-01', '01/11/2031'],
    ['accreditation', 'cycle', '3', '3e cycle'],
    ['accreditation', 'stageTypes', ['N1', 'SASPAS'], 'Niveau 1 (stage praticien), SASPAS (niveau 2)'],
    ['accreditation', 'maxStudents', 2, '2'],
    ['training_site', 'professionals', [], 'aucun'],
  ])('%s.%s %p reads « %s »', (entityType, field, value, text) => {
    expect(formatValue(entityType, field, value)).toBe(text);
  });

  it('writes timestamps in Paris time', () => {
    expect(formatValue('candidate_referral', 'closedAt', '2026-11-03T09:15:00.000Z')).toBe('03/11/2026 à 10:15');
  });

  it('lists the changes of an edit as before → after, in a stable order, without technical fields', () => {
    const entry = toHistoryEntry(
      buildEvent({
        changes: {
          notes: { before: null, after: 'Parking devant le cabinet.' },
          capacities: { before: { N1: 1 }, after: { N1: 2 } },
          archivedAt: { before: null, after: null },
          name: { before: 'Cabinet Pasteur', after: 'Cabinet médical Pasteur' },
        },
      }),
    );
    expect(entry.actionLabel).toBe('Modification');
    expect(entry.isCreation).toBe(false);
    expect(entry.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Nom', 'Cabinet Pasteur', 'Cabinet médical Pasteur'],
      ['Capacités d’accueil', 'N1 ×1', 'N1 ×2'],
      ['Notes', EMPTY_VALUE, 'Parking devant le cabinet.'],
    ]);
  });

  it('shows the initial values of a creation, leaving empty ones out', () => {
    const entry = toHistoryEntry(
      buildEvent({
        action: 'created',
        actorEmail: null,
        changes: {
          name: { before: null, after: 'MSP des Deux Rivières' },
          siret: { before: null, after: null },
          professionals: { before: null, after: [] },
        },
      }),
    );
    expect(entry.isCreation).toBe(true);
    expect(entry.actor).toBe('Traitement automatique');
    expect(entry.changes.map((c) => [c.label, c.after])).toEqual([['Nom', 'MSP des Deux Rivières']]);
  });

  it('does not print ids: a changed reference only says it changed', () => {
    const entry = toHistoryEntry(
      buildEvent({ entityType: 'candidate_referral', changes: { assignedToId: { before: null, after: 'a1b2' } } }),
    );
    expect(entry.changes[0]).toMatchObject({ label: 'Attribué à', opaque: true });
  });
});
