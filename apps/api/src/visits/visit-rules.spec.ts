import type { VisitParticipantInput, VisitRecordInput } from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';
import { assertPlanned, participantProblems, plannedOnProblems, recordProblems } from './visit-rules';

const TODAY = '2026-11-22';
const USER = '11111111-1111-4111-8111-111111111111';
const PRO = '22222222-2222-4222-8222-222222222222';

describe('plannedOnProblems', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['2026-11-22', []],
    ['2024-03-01', []],
    ['2029-11-22', []],
    ['2029-11-23', ['plannedOn : une visite se planifie au plus 3 ans à l’avance.']],
    ['1999-12-31', ['plannedOn : date antérieure au 2000-01-01 refusée.']],
  ])('%s → %j', (plannedOn, expected) => {
    expect(plannedOnProblems(plannedOn, TODAY)).toEqual(expected);
  });
});

describe('participantProblems', () => {
  it.each<[string, VisitParticipantInput[], string[]]>([
    [
      'an account, a professional, a name',
      [
        { kind: 'cdom', userId: USER },
        { kind: 'msu', professionalId: PRO },
        { kind: 'other', name: 'Mme Morel' },
      ],
      [],
    ],
    ['nobody', [], []],
    [
      'no identity',
      [{ kind: 'other' }],
      ['participants.0 : indiquez un seul de userId (compte), professionalId (professionnel) ou name (nom).'],
    ],
    [
      'two identities',
      [{ kind: 'msu', professionalId: PRO, name: 'Dr X' }],
      ['participants.0 : indiquez un seul de userId (compte), professionalId (professionnel) ou name (nom).'],
    ],
    [
      'an MSU as an account',
      [{ kind: 'msu', userId: USER }],
      ['participants.0 : un maître de stage se désigne par professionalId ou name, pas par un compte.'],
    ],
    [
      'the same account twice',
      [
        { kind: 'cdom', userId: USER },
        { kind: 'other', userId: USER },
      ],
      ['participants.1 : ce participant apparaît deux fois.'],
    ],
    [
      'the same name twice (two people may share a name)',
      [
        { kind: 'other', name: 'M. Martin' },
        { kind: 'other', name: 'M. Martin' },
      ],
      [],
    ],
  ])('%s', (_, participants, expected) => {
    expect(participantProblems(participants)).toEqual(expected);
  });
});

describe('recordProblems', () => {
  const base: Pick<VisitRecordInput, 'visitedOn' | 'nextVisitOn' | 'actions'> = { visitedOn: '2026-11-12' };
  it.each<[string, Partial<VisitRecordInput>, string[]]>([
    ['a plain record', {}, []],
    ['a next visit after', { nextVisitOn: '2027-05-12' }, []],
    [
      'a next visit the same day',
      { nextVisitOn: '2026-11-12' },
      ['nextVisitOn : la prochaine visite doit être postérieure à la date de la visite.'],
    ],
    ['a next visit 4 years later', { nextVisitOn: '2030-11-13' }, ['nextVisitOn : au plus 3 ans après la visite.']],
    ['a visit in 1999', { visitedOn: '1999-06-01' }, ['visitedOn : date antérieure au 2000-01-01 refusée.']],
    [
      'an action due the day of the visit',
      { actions: [{ title: 'Appeler', ownerLabel: 'MSU', dueOn: '2026-11-12' }] },
      [],
    ],
    [
      'an action due before',
      { actions: [{ title: 'Appeler', ownerLabel: 'MSU', dueOn: '2026-11-11' }] },
      ['actions.0.dueOn : l’échéance ne peut pas précéder la visite (2026-11-12).'],
    ],
    [
      'an action due in 2030',
      { actions: [{ title: 'Appeler', ownerId: USER, dueOn: '2030-01-01' }] },
      ['actions.0.dueOn : échéance au plus 3 ans après la visite.'],
    ],
    [
      'an action without owner',
      { actions: [{ title: 'Appeler', dueOn: '2026-12-01' }] },
      ['actions.0 : indiquez un responsable, ownerId (compte) ou ownerLabel (texte), pas les deux.'],
    ],
    [
      'an action with two owners',
      { actions: [{ title: 'Appeler', ownerId: USER, ownerLabel: 'MSU', dueOn: '2026-12-01' }] },
      ['actions.0 : indiquez un responsable, ownerId (compte) ou ownerLabel (texte), pas les deux.'],
    ],
  ])('%s', (_, overrides, expected) => {
    expect(recordProblems({ ...base, ...overrides })).toEqual(expected);
  });
});

describe('assertPlanned', () => {
  it.each([
    [{ status: 'planned' as const, archivedAt: null }, null],
    [{ status: 'done' as const, archivedAt: null }, 'Cette visite est déjà enregistrée.'],
    [{ status: 'cancelled' as const, archivedAt: null }, 'Cette visite est annulée.'],
    [
      { status: 'planned' as const, archivedAt: new Date() },
      'Cette visite est archivée : restaurez-la avant de la modifier.',
    ],
  ])('%j → %s', (visit, message) => {
    if (message === null) return expect(() => assertPlanned(visit)).not.toThrow();
    expect(() => assertPlanned(visit)).toThrow(new DomainException('INVALID_STATE', message));
  });
});
