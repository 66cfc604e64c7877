import { REPORT_STATUS_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** « Brouillon », « Présenté », « Approuvé »: an icon and the word, never the colour alone. */
export const reportStatusBadge = badges(REPORT_STATUS_LABELS, {
  draft: { tone: 'neutral', icon: 'edit_note' },
  presented: { tone: 'attention', icon: 'groups' },
  approved: { tone: 'primary', icon: 'verified' },
});
