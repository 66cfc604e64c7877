import {
  isUnderServed,
  SITE_STATUS_LABELS,
  type Zonage,
  ZONAGE_LABELS,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';
import { type Badge, badges } from '@maillage/web/ui';

/** The status of a site: icon and text, coloured by status. */
export const siteStatusBadge = badges(SITE_STATUS_LABELS, {
  prospect: { tone: 'info', icon: 'travel_explore' },
  active: { tone: 'success', icon: 'check_circle' },
  suspended: { tone: 'attention', icon: 'pause_circle' },
  closed: { tone: 'muted', icon: 'cancel' },
});

/** The ARS zonage of a commune: short code, full name on hover and for screen readers; ZIP / ZAC stand out. */
export function zonageBadge(zonage: Zonage | null): Badge {
  if (!zonage) return { label: 'Zonage non renseigné', tone: 'muted' };
  return {
    label: ZONAGE_SHORT_LABELS[zonage],
    long: ZONAGE_LABELS[zonage],
    tone: isUnderServed(zonage) ? 'attention' : 'neutral',
  };
}
