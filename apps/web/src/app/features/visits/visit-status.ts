import { VISIT_STATUS_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** The status of a visit: an icon and its words (colour is never the only signal). */
export const visitStatusBadge = badges(VISIT_STATUS_LABELS, {
  planned: { tone: 'info', icon: 'schedule' },
  done: { tone: 'attention', icon: 'task_alt' },
  cancelled: { tone: 'struck', icon: 'event_busy' },
});
