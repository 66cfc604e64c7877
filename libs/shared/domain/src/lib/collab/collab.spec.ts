import { documentTypeOfMediaType, documentTypeOfName } from './documents';
import { accreditationLink, listLink, recordLink } from './links';
import { isoWeekOf, notificationKindsFor } from './notifications';

describe('isoWeekOf', () => {
  it.each([
    ['2026-03-11', '2026-W11'],
    ['2026-03-09', '2026-W11'],
    ['2026-03-15', '2026-W11'],
    ['2026-03-16', '2026-W12'],
    ['2027-01-01', '2026-W53'], // a Friday: the week of 2026's last Thursday
    ['2026-01-01', '2026-W01'], // a Thursday
    ['2024-12-30', '2025-W01'], // a Monday whose Thursday is in 2025
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
});

describe('notificationKindsFor', () => {
  it.each([
    ['mission_officer', ['referral_created', 'intent_reported', 'weekly_digest']],
    ['cdom', ['referral_converted', 'referral_closed']],
    ['admin', []],
    ['departement', []],
    ['committee', []],
  ] as const)('%s receives %j', (role, kinds) => {
    expect(notificationKindsFor(role)).toEqual(kinds);
  });
});

describe('links into the dashboard', () => {
  it('names records by their page', () => {
    expect(recordLink('referrals', 'abc')).toBe('/signalements/abc');
    expect(recordLink('visits', 'a/b')).toBe('/visites/a%2Fb');
    expect(listLink('sites', { q: 'fontainebleau & co', commune: null })).toBe('/terrains?q=fontainebleau+%26+co');
    expect(listLink('tasks')).toBe('/taches');
    expect(accreditationLink({ professionalId: 'p', siteId: null })).toBe('/professionnels/p');
    expect(accreditationLink({ professionalId: null, siteId: 's' })).toBe('/terrains/s');
  });
});

describe('document types', () => {
  it.each([
    ['Décision ARS.PDF', 'pdf'],
    ['photo.jpeg', 'jpeg'],
    ['photo.JPG', 'jpeg'],
    ['convention.docx', 'docx'],
    ['budget.xls', 'xls'],
    ['notes.txt', null],
    ['sans-extension', null],
    ['archive.tar.gz', null],
  ])('%s claims %s by its name', (name, type) => {
    expect(documentTypeOfName(name)).toBe(type);
  });

  it.each([
    ['application/pdf', 'pdf'],
    ['Application/PDF; charset=binary', 'pdf'],
    ['application/octet-stream', null],
    ['application/vnd.oasis.opendocument.text', 'odt'],
  ])('%s names %s', (mediaType, type) => {
    expect(documentTypeOfMediaType(mediaType)).toBe(type);
  });
});
