import { ACCREDITATION_VALIDITY_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** Where an accreditation stands today: icon and words, coloured by urgency. */
export const validityBadge = badges(ACCREDITATION_VALIDITY_LABELS, {
  pending: { tone: 'neutral', icon: 'hourglass_top' },
  valid: { tone: 'success', icon: 'verified' },
  expiring_soon: { tone: 'attention', icon: 'schedule' },
  renewed: { tone: 'success', icon: 'autorenew' },
  expired: { tone: 'danger', icon: 'event_busy' },
  withdrawn: { tone: 'muted', icon: 'block' },
});
