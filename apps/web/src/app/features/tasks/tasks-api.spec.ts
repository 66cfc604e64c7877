import type { ReminderRunResult, TodoBucket, TodoItem } from '@maillage/shared/domain';
import { REMINDER_RULE_LABELS } from '@maillage/shared/domain';
import { DEFAULT_TASK_LIST, groupTodo, reminderRunText, subjectLink, tasksRequest, todoCountsText } from './tasks-api';

function item(id: string, bucket: TodoBucket, overrides: Partial<TodoItem> = {}): TodoItem {
  return {
    id,
    version: 1,
    departementCode: '77',
    title: `Tâche ${id}`,
    description: null,
    owner: null,
    ownerLabel: null,
    dueOn: '2026-11-20',
    status: 'open',
    priority: 'normal',
    overdue: bucket === 'overdue',
    completedAt: null,
    subject: null,
    visitId: null,
    rule: null,
    archivedAt: null,
    createdAt: '2026-11-01T08:00:00Z',
    updatedAt: '2026-11-01T08:00:00Z',
    bucket,
    mine: true,
    ...overrides,
  };
}

describe('groupTodo', () => {
  it('puts the most urgent sections first and leaves empty ones out', () => {
    const groups = groupTodo([item('a', 'later'), item('b', 'overdue'), item('c', 'this_week'), item('d', 'overdue')]);
    expect(groups.map((g) => g.label)).toEqual(['En retard', 'Cette semaine', 'Plus tard']);
    expect(groups[0].items.map((i) => i.id)).toEqual(['b', 'd']);
  });

  it('keeps the high-priority bucket between this week and later', () => {
    const groups = groupTodo([item('a', 'later'), item('b', 'high_priority')]);
    expect(groups.map((g) => g.bucket)).toEqual(['high_priority', 'later']);
    expect(groups[0].label).toBe('Priorité haute');
  });

  it('gives nothing for an empty list', () => {
    expect(groupTodo([])).toEqual([]);
  });
});

describe('todoCountsText', () => {
  it('says the counts in French', () => {
    expect(todoCountsText({ overdue: 2, dueThisWeek: 3, open: 9 })).toBe(
      '2 en retard · 3 cette semaine · 9 tâches ouvertes',
    );
    expect(todoCountsText({ overdue: 0, dueThisWeek: 0, open: 1 })).toBe(
      '0 en retard · 0 cette semaine · 1 tâche ouverte',
    );
  });
});

describe('subjectLink', () => {
  it('links each subject to its page', () => {
    expect(subjectLink({ type: 'site', id: 's1', label: 'MSP' })).toEqual({ commands: ['/terrains', 's1'] });
    expect(subjectLink({ type: 'professional', id: 'p1', label: 'Dr A' })).toEqual({
      commands: ['/professionnels', 'p1'],
    });
    expect(subjectLink({ type: 'referral', id: 'r1', label: 'x' })?.commands).toEqual(['/signalements', 'r1']);
    expect(subjectLink({ type: 'site_visit', id: 'v1', label: 'x' })?.commands).toEqual(['/visites', 'v1']);
    expect(subjectLink({ type: 'accreditation', id: 'a1', label: 'x' })).toEqual({ commands: ['/agrements'] });
    expect(subjectLink({ type: 'access_issue', id: 'i1', label: 'x' })?.commands).toEqual(['/difficultes-acces', 'i1']);
    expect(subjectLink({ type: 'measure', id: 'm1', label: 'x' })?.commands).toEqual(['/mesures', 'm1']);
    expect(subjectLink({ type: 'committee_meeting', id: 'c1', label: 'x' })?.commands).toEqual(['/comites', 'c1']);
  });

  it('gives no link for a missing or vanished subject', () => {
    expect(subjectLink(null)).toBeNull();
    expect(subjectLink({ type: 'site', id: 's1', label: null })).toBeNull();
  });
});

describe('tasksRequest', () => {
  it('sends only the filters in use', () => {
    expect(tasksRequest(DEFAULT_TASK_LIST).params).toEqual({
      page: 1,
      pageSize: 25,
      sort: 'dueOn:asc',
      status: 'open',
    });
    const params = tasksRequest({ ...DEFAULT_TASK_LIST, status: null, mine: true, overdue: true, origin: 'manual' })
      .params as Record<string, unknown>;
    expect(params).toMatchObject({ owner: 'me', overdue: true, rule: 'manual' });
    expect(params['status']).toBeUndefined();
  });
});

describe('reminderRunText', () => {
  const base: ReminderRunResult = {
    today: '2026-11-22',
    skipped: false,
    total: 0,
    created: {
      accreditation_expiring: 0,
      site_not_visited: 0,
      referral_without_follow_up: 0,
      visit_action_overdue: 0,
    },
  };

  it('names the counts per rule', () => {
    const text = reminderRunText(
      { ...base, total: 3, created: { ...base.created, accreditation_expiring: 1, site_not_visited: 2 } },
      REMINDER_RULE_LABELS,
    );
    expect(text).toBe('3 rappels créés (Agrément arrivant à échéance : 1, Terrain non visité depuis longtemps : 2).');
  });

  it('says when nothing was due or another server ran it', () => {
    expect(reminderRunText(base, REMINDER_RULE_LABELS)).toBe('Aucun nouveau rappel : tout est à jour.');
    expect(reminderRunText({ ...base, skipped: true }, REMINDER_RULE_LABELS)).toMatch(/autre serveur/);
  });
});
