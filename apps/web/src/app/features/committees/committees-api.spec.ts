import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CommitteeMeetingSummary, MeetingAttendee } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { attendanceText, COMMITTEES_URL, CommitteesApi, groupAttendees, splitMeetings } from './committees-api';

function meeting(id: string, heldOn: string): CommitteeMeetingSummary {
  return {
    id,
    departementCode: '77',
    kind: 'follow_up',
    status: 'planned',
    heldOn,
    title: id,
    location: null,
    snapshotId: null,
    annualReportId: null,
    attendeeCount: 0,
    archivedAt: null,
    version: 1,
  };
}

describe('splitMeetings', () => {
  it('puts upcoming meetings first, soonest first, then past ones, latest first', () => {
    const items = [
      meeting('dec', '2026-12-08'),
      meeting('today', '2026-11-22'),
      meeting('oct', '2026-10-14'),
      meeting('jan', '2027-01-20'),
      meeting('jun', '2026-06-17'),
    ];
    const { upcoming, past } = splitMeetings(items, '2026-11-22');
    expect(upcoming.map((m) => m.id)).toEqual(['today', 'dec', 'jan']);
    expect(past.map((m) => m.id)).toEqual(['oct', 'jun']);
  });

  it('puts a meeting of today with the past ones once it is recorded as held or cancelled', () => {
    const items = [
      { ...meeting('held', '2026-11-22'), status: 'held' as const },
      { ...meeting('cancelled', '2026-11-22'), status: 'cancelled' as const },
      meeting('planned', '2026-11-22'),
      meeting('oct', '2026-10-14'),
    ];
    const { upcoming, past } = splitMeetings(items, '2026-11-22');
    expect(upcoming.map((m) => m.id)).toEqual(['planned']);
    expect(past.map((m) => m.id)).toEqual(['held', 'cancelled', 'oct']);
  });
});

describe('groupAttendees', () => {
  const people: MeetingAttendee[] = [
    { name: 'Dr Garnier', organisation: 'cdom', present: true },
    { name: 'Zoé Martin', organisation: 'departement', present: true },
    { name: 'Anne Bernard', organisation: 'departement', present: false },
    { name: 'M. Lefèvre', organisation: 'elu', title: 'Vice-président', present: true },
  ];

  it('groups by organisation in the fixed order, names sorted, with the number present', () => {
    const groups = groupAttendees(people);
    expect(groups.map((g) => [g.label, g.attendees.map((a) => a.name), g.present])).toEqual([
      ['Département', ['Anne Bernard', 'Zoé Martin'], 1],
      ['CDOM', ['Dr Garnier'], 1],
      ['Élu·e', ['M. Lefèvre'], 1],
    ]);
  });

  it('says how many attended', () => {
    expect(attendanceText(people)).toBe('4 participants, dont 3 présents');
    expect(attendanceText([people[2]])).toBe('1 participant, dont 0 présent');
    expect(attendanceText([])).toBe('Aucun participant inscrit');
  });
});

describe('CommitteesApi', () => {
  let http: HttpTestingController;
  let api: CommitteesApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(CommitteesApi);
  });

  afterEach(() => http.verify());

  it('updates from the version read, sent as If-Match', async () => {
    const done = firstValueFrom(api.update({ id: 'm1', version: 4 }, { title: 'Comité' }));
    const req = http.expectOne(`${COMMITTEES_URL}/m1`);
    expect(req.request.method).toBe('PATCH');
    expect(req.request.headers.get('If-Match')).toBe('"4"');
    expect(req.request.body).toEqual({ title: 'Comité' });
    req.flush({ id: 'm1', version: 5 });
    await expect(done).resolves.toMatchObject({ version: 5 });
  });

  it('archives with If-Match and turns action items into tasks', async () => {
    const archived = firstValueFrom(api.archive({ id: 'm1', version: 2 }));
    const del = http.expectOne(`${COMMITTEES_URL}/m1`);
    expect(del.request.method).toBe('DELETE');
    expect(del.request.headers.get('If-Match')).toBe('"2"');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await archived;

    const items = [{ title: 'Relancer le CDOM', ownerLabel: 'CDOM', dueOn: '2027-01-31' }];
    const added = firstValueFrom(api.addActions('m1', items));
    const post = http.expectOne(`${COMMITTEES_URL}/m1/actions`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ items });
    post.flush({ id: 'm1' });
    await added;
  });

  it('creates a meeting', async () => {
    const done = firstValueFrom(api.create({ kind: 'strategic', heldOn: '2026-12-01', title: 'Comité' }));
    const req = http.expectOne(COMMITTEES_URL);
    expect(req.request.method).toBe('POST');
    req.flush({ id: 'm2' });
    await expect(done).resolves.toEqual({ id: 'm2' });
  });
});
