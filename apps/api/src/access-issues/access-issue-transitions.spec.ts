import type { AccessIssueStatus, Role } from '@maillage/shared/domain';

import type { DomainErrorCode } from '../common/errors/domain-exception';
import { closeChanges, editChanges, type IssueAction, reopenChanges, startChanges } from './access-issue-transitions';
import type { AccessIssue } from './access-issue.entity';

const CDOM_USER = '11111111-1111-4111-8111-111111111111';

function stored(overrides: Partial<AccessIssue> = {}): AccessIssue {
  return {
    status: 'open',
    source: 'cdom',
    reportedById: CDOM_USER,
    raisedOn: '2026-03-10',
    closedOn: null,
    resolution: null,
    archivedAt: null,
    ...overrides,
  } as AccessIssue;
}

const close = { version: 1, closedOn: '2026-04-01', resolution: 'Navette mise en place.' };

function run(action: IssueAction, issue: AccessIssue) {
  if (action === 'start') return startChanges(issue);
  if (action === 'reopen') return reopenChanges(issue);
  return closeChanges(issue, action, close);
}

function codeOf(fn: () => unknown): DomainErrorCode | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code: DomainErrorCode }).code;
  }
}

describe('access issue status moves', () => {
  it.each<[IssueAction, AccessIssueStatus, AccessIssueStatus | null]>([
    ['start', 'open', 'in_progress'],
    ['start', 'in_progress', null],
    ['start', 'resolved', null],
    ['resolve', 'open', 'resolved'],
    ['resolve', 'in_progress', 'resolved'],
    ['resolve', 'resolved', null],
    ['resolve', 'wont_fix', null],
    ['wont_fix', 'open', 'wont_fix'],
    ['wont_fix', 'in_progress', 'wont_fix'],
    ['wont_fix', 'resolved', null],
    ['reopen', 'resolved', 'open'],
    ['reopen', 'wont_fix', 'open'],
    ['reopen', 'open', null],
    ['reopen', 'in_progress', null],
  ])('%s from %s → %s', (action, from, to) => {
    const issue = stored({ status: from, closedOn: from === 'resolved' || from === 'wont_fix' ? '2026-03-20' : null });
    if (to === null) expect(codeOf(() => run(action, issue))).toBe('INVALID_STATE');
    else expect(run(action, issue).status).toBe(to);
  });

  it('closing writes the date and the resolution; reopening clears them', () => {
    expect(closeChanges(stored(), 'resolve', close)).toEqual({
      status: 'resolved',
      closedOn: '2026-04-01',
      resolution: 'Navette mise en place.',
    });
    expect(reopenChanges(stored({ status: 'resolved', closedOn: '2026-04-01' }))).toEqual({
      status: 'open',
      closedOn: null,
      resolution: null,
    });
  });

  it('refuses a closing date before the issue was raised', () => {
    expect(codeOf(() => closeChanges(stored(), 'wont_fix', { ...close, closedOn: '2026-03-09' }))).toBe('BAD_INPUT');
    expect(closeChanges(stored(), 'wont_fix', { ...close, closedOn: '2026-03-10' }).status).toBe('wont_fix');
  });

  it('refuses any move of an archived issue', () => {
    expect(codeOf(() => startChanges(stored({ archivedAt: new Date() })))).toBe('INVALID_STATE');
  });
});

describe('editing an access issue', () => {
  const edit = { severity: 3 as const };

  it.each<[string, Role, string, Partial<AccessIssue>, DomainErrorCode | null]>([
    ['the CDOM, its own open proposal', 'cdom', CDOM_USER, {}, null],
    ['the CDOM, another user’s proposal', 'cdom', 'someone-else', {}, 'FORBIDDEN'],
    ['the CDOM, an issue from a visit', 'cdom', CDOM_USER, { source: 'visit' }, 'FORBIDDEN'],
    ['the CDOM, its proposal in progress', 'cdom', CDOM_USER, { status: 'in_progress' }, 'FORBIDDEN'],
    ['the mission officer, any issue', 'mission_officer', 'officer', { source: 'visit', status: 'resolved' }, null],
    ['anyone, an archived issue', 'admin', 'admin', { archivedAt: new Date() }, 'INVALID_STATE'],
  ])('%s', (_, role, id, overrides, code) => {
    expect(codeOf(() => editChanges(stored(overrides), edit, { id, role }))).toBe(code);
  });

  it('keeps the source of a CDOM proposal, and only writes what was sent', () => {
    expect(editChanges(stored(), { severity: 2, source: 'msu' }, { id: CDOM_USER, role: 'cdom' })).toEqual({
      severity: 2,
      source: 'cdom',
    });
    expect(editChanges(stored(), { source: 'msu' }, { id: 'o', role: 'mission_officer' })).toEqual({ source: 'msu' });
  });

  it('refuses a raisedOn after the closing date', () => {
    const closed = stored({ status: 'resolved', closedOn: '2026-04-01' });
    expect(codeOf(() => editChanges(closed, { raisedOn: '2026-04-02' }, { id: 'o', role: 'admin' }))).toBe('BAD_INPUT');
  });
});
