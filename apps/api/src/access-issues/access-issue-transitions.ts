import { ACCESS_ISSUE_STATUS_LABELS, type AccessIssueStatus, type Role } from '@maillage/shared/domain';

import { DomainException } from '../common/errors/domain-exception';
import type { AccessIssue } from './access-issue.entity';
import type { CloseAccessIssueDto, UpdateAccessIssueDto } from './dto/access-issue.dto';

/**
 * What each change of an access issue writes, computed from the stored row (pure: the service
 * loads, version-checks and audits). Each throws a DomainException when the change is refused.
 */
type Changes = Partial<AccessIssue>;
type EditFields = Omit<UpdateAccessIssueDto, 'version'>;

export type IssueAction = 'start' | 'resolve' | 'wont_fix' | 'reopen';

/** Status moves: who may go where. Only the mission officer and admin call the actions. */
const MOVES: Readonly<Record<IssueAction, { from: readonly AccessIssueStatus[]; to: AccessIssueStatus }>> = {
  start: { from: ['open'], to: 'in_progress' },
  resolve: { from: ['open', 'in_progress'], to: 'resolved' },
  wont_fix: { from: ['open', 'in_progress'], to: 'wont_fix' },
  reopen: { from: ['resolved', 'wont_fix'], to: 'open' },
};

export function checkLive(before: AccessIssue): void {
  if (before.archivedAt) {
    throw new DomainException('INVALID_STATE', 'Cette difficulté est archivée : restaurez-la avant de la modifier.');
  }
}

function move(before: AccessIssue, action: IssueAction): AccessIssueStatus {
  checkLive(before);
  const { from, to } = MOVES[action];
  if (!from.includes(before.status)) {
    throw new DomainException(
      'INVALID_STATE',
      `Cette difficulté est « ${ACCESS_ISSUE_STATUS_LABELS[before.status]} » : ` +
        `elle ne peut pas passer à « ${ACCESS_ISSUE_STATUS_LABELS[to]} ».`,
    );
  }
  return to;
}

/** An open issue is being dealt with. */
export function startChanges(before: AccessIssue): Changes {
  return { status: move(before, 'start') };
}

/** Resolved or won't fix: a closing date (not before it was raised) and a resolution text. */
export function closeChanges(before: AccessIssue, action: 'resolve' | 'wont_fix', dto: CloseAccessIssueDto): Changes {
  const status = move(before, action);
  if (dto.closedOn < before.raisedOn) {
    throw new DomainException(
      'BAD_INPUT',
      `closedOn : la difficulté ne peut pas être close avant d’avoir été signalée (${before.raisedOn}).`,
    );
  }
  return { status, closedOn: dto.closedOn, resolution: dto.resolution };
}

/** Back to open: the closing is cleared (the history keeps it), the linked measures stay. */
export function reopenChanges(before: AccessIssue): Changes {
  return { status: move(before, 'reopen'), closedOn: null, resolution: null };
}

/**
 * A plain edit. The CDOM may edit only its own proposal while it is still open, and its source
 * stays `cdom`; a new raisedOn may not fall after the closing date.
 */
export function editChanges(before: AccessIssue, fields: EditFields, actor: { id: string; role: Role }): Changes {
  checkLive(before);
  if (actor.role === 'cdom') {
    if (before.source !== 'cdom' || before.reportedById !== actor.id) {
      throw new DomainException('FORBIDDEN', 'Le CDOM ne peut modifier que les difficultés qu’il a proposées.');
    }
    if (before.status !== 'open') {
      throw new DomainException(
        'FORBIDDEN',
        'Cette difficulté est prise en charge par le chargé de mission : le CDOM ne peut plus la modifier.',
      );
    }
  }
  const raisedOn = fields.raisedOn ?? before.raisedOn;
  if (before.closedOn && raisedOn > before.closedOn) {
    throw new DomainException(
      'BAD_INPUT',
      `raisedOn : la difficulté a été close le ${before.closedOn}, elle ne peut pas avoir été signalée après.`,
    );
  }
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Changes;
  return actor.role === 'cdom' ? { ...defined, source: 'cdom' } : defined;
}
