import {
  IMPORT_ROW_OUTCOME_LABELS,
  IMPORT_STATUS_LABELS,
  type ImportCounts,
  type ImportRowOutcome,
  type ImportStatus,
} from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';
import { frenchNumber } from '@maillage/web/util';

export const importStatusBadge = badges<ImportStatus>(IMPORT_STATUS_LABELS, {
  analysing: { tone: 'info', icon: 'hourglass_top' },
  ready: { tone: 'primary', icon: 'preview' },
  applying: { tone: 'info', icon: 'sync' },
  applied: { tone: 'success', icon: 'check_circle' },
  failed: { tone: 'danger', icon: 'error' },
  undone: { tone: 'muted', icon: 'undo' },
});

export const importOutcomeBadge = badges<ImportRowOutcome>(IMPORT_ROW_OUTCOME_LABELS, {
  create: { tone: 'success', icon: 'add_circle' },
  update: { tone: 'info', icon: 'edit' },
  unchanged: { tone: 'neutral', icon: 'remove' },
  rejected: { tone: 'danger', icon: 'block' },
});

/** « 3 créés, 1 mis à jour, 0 inchangé, 2 rejetés » (what a preview would do or an import did). */
export function countsText(counts: ImportCounts, applied: boolean): string {
  const plural = (n: number, one: string, many: string) => `${frenchNumber(n)} ${n > 1 ? many : one}`;
  const parts = applied
    ? [
        plural(counts.create, 'créé', 'créés'),
        plural(counts.update, 'mis à jour', 'mis à jour'),
        plural(counts.unchanged, 'inchangé', 'inchangés'),
        plural(counts.rejected, 'rejeté', 'rejetés'),
      ]
    : [
        plural(counts.create, 'création', 'créations'),
        plural(counts.update, 'mise à jour', 'mises à jour'),
        plural(counts.unchanged, 'inchangé', 'inchangés'),
        plural(counts.rejected, 'rejet', 'rejets'),
      ];
  return parts.join(', ');
}
