import { INTENT_STATUS_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** Where an installation plan stands; « Installé » stands out. */
export const intentStatusBadge = badges(INTENT_STATUS_LABELS, {
  intention: { tone: 'neutral', icon: 'lightbulb' },
  in_discussion: { tone: 'info', icon: 'forum' },
  settled: { tone: 'success', icon: 'home_work' },
  abandoned: { tone: 'muted', icon: 'do_not_disturb_on' },
});
