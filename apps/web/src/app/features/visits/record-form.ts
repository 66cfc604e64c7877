import {
  type AccessIssueCategory,
  type ChecklistAnswer,
  type Colleague,
  isSupervisor,
  PARTICIPANT_KIND_LABELS,
  type Severity,
  type SiteRecord,
  VISIT_CHECKLIST_ITEMS,
  type VisitActionInput,
  type VisitChecklist,
  type VisitChecklistItem,
  type VisitIssueInput,
  type VisitParticipantInput,
  type VisitParticipantView,
  type VisitRecordInput,
} from '@maillage/shared/domain';
import { toIsoDate } from '@maillage/web/util';

/** A participant the form may tick: an account, an MSU of the site. */
export interface ParticipantCandidate {
  key: string;
  label: string;
  detail: string;
  input: VisitParticipantInput;
}

export function participantKey(p: VisitParticipantInput): string {
  if (p.userId) return `user:${p.userId}`;
  if (p.professionalId) return `pro:${p.professionalId}`;
  return `name:${p.name ?? ''}`;
}

/** The raw value of the "Compte rendu" form. */
export interface RecordFormValue {
  visitedOn: Date | null;
  /** Keys of the ticked candidates. */
  participants: string[];
  /** Other participants, one per line (name and organisation). */
  otherParticipants: string;
  checklist: Record<VisitChecklistItem, { answer: ChecklistAnswer | null; comment: string }>;
  findings: string;
  nextVisitOn: Date | null;
  issues: { category: AccessIssueCategory | null; severity: Severity | null; description: string }[];
  actions: { title: string; ownerId: string | null; ownerLabel: string; dueOn: Date | null }[];
}

/** The names typed one per line, without blanks or duplicates. */
export function otherNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
}

/**
 * The body of `POST /api/site-visits/:id/record`: ticked candidates then typed names, only the
 * answered checklist items (comments trimmed, empty ones left out), each action with exactly one
 * owner (the account when chosen, otherwise the label).
 */
export function buildRecordPayload(
  value: RecordFormValue,
  version: number,
  candidates: readonly ParticipantCandidate[],
): VisitRecordInput {
  const participants: VisitParticipantInput[] = [
    ...candidates.filter((c) => value.participants.includes(c.key)).map((c) => c.input),
    ...otherNames(value.otherParticipants).map((name) => ({ kind: 'other' as const, name })),
  ];
  const checklist: VisitChecklist = {};
  for (const item of VISIT_CHECKLIST_ITEMS) {
    const entry = value.checklist[item];
    if (!entry?.answer) continue;
    const comment = entry.comment.trim();
    checklist[item] = comment ? { answer: entry.answer, comment } : { answer: entry.answer };
  }
  const issues: VisitIssueInput[] = value.issues.map((issue) => ({
    category: issue.category as AccessIssueCategory,
    severity: issue.severity as Severity,
    description: issue.description.trim(),
  }));
  const actions: VisitActionInput[] = value.actions.map((action) => {
    const owner = action.ownerId ? { ownerId: action.ownerId } : { ownerLabel: action.ownerLabel.trim() };
    return { title: action.title.trim(), ...owner, dueOn: action.dueOn ? toIsoDate(action.dueOn) : '' };
  });
  return {
    version,
    visitedOn: value.visitedOn ? toIsoDate(value.visitedOn) : '',
    participants,
    checklist,
    findings: value.findings.trim(),
    nextVisitOn: value.nextVisitOn ? toIsoDate(value.nextVisitOn) : null,
    issues,
    actions,
  };
}

/**
 * Who the forms offer to tick: the colleagues the API lists (mission officers, CDOM; an empty list
 * when the caller may not list them), then the MSUs of the site, then anyone already recorded.
 */
export function participantCandidates(
  colleagues: readonly Colleague[],
  site: Pick<SiteRecord, 'professionals'> | undefined,
  existing: readonly VisitParticipantView[] = [],
): ParticipantCandidate[] {
  const list: ParticipantCandidate[] = [
    ...colleagues.map((c) => {
      const kind = c.role === 'cdom' ? 'cdom' : c.role === 'mission_officer' ? 'mission_officer' : 'other';
      return {
        key: `user:${c.id}`,
        label: c.displayName,
        detail: PARTICIPANT_KIND_LABELS[kind],
        input: { kind, userId: c.id } satisfies VisitParticipantInput,
      };
    }),
    ...(site?.professionals ?? [])
      .filter((p) => isSupervisor(p.msuStage))
      .map((p) => ({
        key: `pro:${p.id}`,
        label: p.name,
        detail: PARTICIPANT_KIND_LABELS.msu,
        input: { kind: 'msu', professionalId: p.id } satisfies VisitParticipantInput,
      })),
  ];
  for (const p of existing) {
    if (!p.userId && !p.professionalId) continue;
    const input: VisitParticipantInput = p.userId
      ? { kind: p.kind, userId: p.userId }
      : { kind: p.kind, professionalId: p.professionalId as string };
    const key = participantKey(input);
    if (!list.some((c) => c.key === key)) {
      list.push({ key, label: p.name, detail: PARTICIPANT_KIND_LABELS[p.kind], input });
    }
  }
  return list;
}
