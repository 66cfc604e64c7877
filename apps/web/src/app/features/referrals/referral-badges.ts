import { type Priority, PRIORITY_LABELS, REFERRAL_STATUS_LABELS, type ReferralStatus } from '@maillage/shared/domain';
import { type Badge, type BadgeLook, badges } from '@maillage/web/ui';

const STATUS_LOOKS: Readonly<Record<ReferralStatus, BadgeLook>> = {
  new: { tone: 'attention', icon: 'fiber_new', strong: true },
  assigned: { tone: 'neutral', icon: 'assignment_ind' },
  in_progress: { tone: 'info', icon: 'forum' },
  converted: { tone: 'success', icon: 'task_alt' },
  declined: { tone: 'muted', icon: 'do_not_disturb_on' },
  not_eligible: { tone: 'muted', icon: 'block' },
};

/** The status of a referral in full words (« Converti (entré dans le parcours MSU) »): the detail page. */
export const referralStatusBadge = badges(REFERRAL_STATUS_LABELS, STATUS_LOOKS);

/** The list keeps to one short word. */
export const referralShortStatusBadge = badges({ ...REFERRAL_STATUS_LABELS, converted: 'Converti' }, STATUS_LOOKS);

const PRIORITY_ICONS: Readonly<Record<Priority, string>> = {
  high: 'keyboard_double_arrow_up',
  normal: 'drag_handle',
  low: 'keyboard_arrow_down',
};

/** The priority of a referral: an arrow and the word; « Haute » stands out. */
export function priorityBadge(priority: Priority): Badge {
  return {
    label: PRIORITY_LABELS[priority],
    icon: PRIORITY_ICONS[priority],
    tone: priority === 'high' ? 'danger' : 'neutral',
    strong: priority === 'high',
  };
}
