import { VISIT_CHECKLIST_ITEMS, type VisitChecklistItem } from '@maillage/shared/domain';
import { buildRecordPayload, otherNames, type ParticipantCandidate, type RecordFormValue } from './record-form';

const OFFICER = '7f1c9a52-3c1d-4e59-a3a4-8f0e7d2b9c11';
const CDOM = '1a2b3c4d-0000-4000-8000-000000000001';
const MSU = '9e8d7c6b-0000-4000-8000-000000000002';

const candidates: ParticipantCandidate[] = [
  {
    key: `user:${OFFICER}`,
    label: 'Camille Martin',
    detail: 'Chargé·e de mission',
    input: { kind: 'mission_officer', userId: OFFICER },
  },
  { key: `user:${CDOM}`, label: 'Dr Paul Roy', detail: 'CDOM', input: { kind: 'cdom', userId: CDOM } },
  { key: `pro:${MSU}`, label: 'Dr Anne Lefèvre', detail: 'MSU', input: { kind: 'msu', professionalId: MSU } },
];

function emptyChecklist(): RecordFormValue['checklist'] {
  return Object.fromEntries(VISIT_CHECKLIST_ITEMS.map((item) => [item, { answer: null, comment: '' }])) as Record<
    VisitChecklistItem,
    { answer: null; comment: string }
  >;
}

function formValue(overrides: Partial<RecordFormValue> = {}): RecordFormValue {
  return {
    visitedOn: new Date(2026, 10, 20),
    participants: [`user:${OFFICER}`, `pro:${MSU}`],
    otherParticipants: '',
    checklist: emptyChecklist(),
    findings: '  Accueil satisfaisant.  ',
    nextVisitOn: null,
    issues: [],
    actions: [],
    ...overrides,
  };
}

describe('buildRecordPayload', () => {
  it('builds the body of POST /record from the form', () => {
    const checklist = emptyChecklist();
    checklist.parking = { answer: 'ok', comment: '  ' };
    checklist.housing_available = { answer: 'missing', comment: ' Aucun logement à moins de 20 km ' };
    const payload = buildRecordPayload(
      formValue({
        checklist,
        otherParticipants: 'Mme Durand, mairie\n\n  Mme Durand, mairie \nM. Petit',
        nextVisitOn: new Date(2027, 10, 20),
        issues: [
          { category: 'housing', severity: 3, description: '  Pas de logement pour l’interne. ' },
          { category: 'public_transport', severity: 2, description: 'Aucun bus le matin.' },
        ],
        actions: [
          {
            title: ' Contacter la mairie ',
            ownerId: null,
            ownerLabel: ' Mairie de Provins ',
            dueOn: new Date(2026, 11, 15),
          },
          { title: 'Relancer le MSU', ownerId: CDOM, ownerLabel: 'ignoré', dueOn: new Date(2027, 0, 5) },
        ],
      }),
      7,
      candidates,
    );

    expect(payload).toEqual({
      version: 7,
      visitedOn: '2026-11-20',
      participants: [
        { kind: 'mission_officer', userId: OFFICER },
        { kind: 'msu', professionalId: MSU },
        { kind: 'other', name: 'Mme Durand, mairie' },
        { kind: 'other', name: 'M. Petit' },
      ],
      checklist: {
        housing_available: { answer: 'missing', comment: 'Aucun logement à moins de 20 km' },
        parking: { answer: 'ok' },
      },
      findings: 'Accueil satisfaisant.',
      nextVisitOn: '2027-11-20',
      issues: [
        { category: 'housing', severity: 3, description: 'Pas de logement pour l’interne.' },
        { category: 'public_transport', severity: 2, description: 'Aucun bus le matin.' },
      ],
      actions: [
        { title: 'Contacter la mairie', ownerLabel: 'Mairie de Provins', dueOn: '2026-12-15' },
        { title: 'Relancer le MSU', ownerId: CDOM, dueOn: '2027-01-05' },
      ],
    });
  });

  it('sends no next visit and empty lists when nothing was added', () => {
    const payload = buildRecordPayload(formValue(), 1, candidates);
    expect(payload.nextVisitOn).toBeNull();
    expect(payload.issues).toEqual([]);
    expect(payload.actions).toEqual([]);
    expect(payload.checklist).toEqual({});
    expect(payload.participants).toHaveLength(2);
  });

  it('reads other participants one per line', () => {
    expect(otherNames(' A \n\nB\nA')).toEqual(['A', 'B']);
  });
});
