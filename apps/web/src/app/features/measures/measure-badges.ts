import { MEASURE_STATUS_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** Where a measure stands: planned, running, done or given up. */
export const measureStatusBadge = badges(MEASURE_STATUS_LABELS, {
  planned: { tone: 'info', icon: 'event_note' },
  active: { tone: 'primary', icon: 'play_circle' },
  completed: { tone: 'success', icon: 'task_alt' },
  cancelled: { tone: 'struck', icon: 'cancel' },
});
