import { COMMITTEE_KIND_LABELS, MEETING_STATUS_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** « Comité de suivi » / « Comité stratégique » (the words say it; the colour helps). */
export const committeeKindBadge = badges(COMMITTEE_KIND_LABELS, {
  follow_up: { tone: 'primary' },
  strategic: { tone: 'attention' },
});

/** « Programmé », « Tenu », « Annulé ». */
export const meetingStatusBadge = badges(MEETING_STATUS_LABELS, {
  planned: { tone: 'neutral', icon: 'event' },
  held: { tone: 'success', icon: 'task_alt' },
  cancelled: { tone: 'struck', icon: 'event_busy' },
});
