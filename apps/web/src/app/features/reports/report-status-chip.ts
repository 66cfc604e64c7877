import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { REPORT_STATUS_LABELS, type ReportStatus } from '@maillage/shared/domain';

const ICONS: Readonly<Record<ReportStatus, string>> = {
  draft: 'edit_note',
  presented: 'groups',
  approved: 'verified',
};

/** « Brouillon », « Présenté », « Approuvé »: an icon and the word, never the colour alone. */
@Component({
  selector: 'app-report-status-chip',
  imports: [MatIconModule],
  template: `<span class="chip" [class]="'chip ' + status()">
    <mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}
  </span>`,
  styles: `
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: 999px;
      font: var(--mat-sys-label-large);
      white-space: nowrap;
    }
    mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .draft {
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface-variant);
    }
    .presented {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .approved {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStatusChip {
  readonly status = input.required<ReportStatus>();
  protected readonly label = computed(() => REPORT_STATUS_LABELS[this.status()]);
  protected readonly icon = computed(() => ICONS[this.status()]);
}
