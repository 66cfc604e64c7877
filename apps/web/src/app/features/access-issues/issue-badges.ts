import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import {
  ACCESS_ISSUE_STATUS_LABELS,
  type AccessIssueStatus,
  type Severity,
  SEVERITY_LABELS,
} from '@maillage/shared/domain';

const STATUS_ICONS: Record<AccessIssueStatus, string> = {
  open: 'radio_button_unchecked',
  in_progress: 'pending',
  resolved: 'check_circle',
  wont_fix: 'block',
};

/** The status of an issue: icon + text (colour is never the only signal). */
@Component({
  selector: 'app-issue-status-badge',
  imports: [MatIconModule],
  template: `<span class="badge" [attr.data-status]="status()"
    ><mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}</span
  >`,
  styles: `
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 8px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      white-space: nowrap;
    }
    mat-icon {
      width: 16px;
      height: 16px;
      font-size: 16px;
    }
    [data-status='open'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    [data-status='in_progress'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    [data-status='resolved'] {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssueStatusBadge {
  readonly status = input.required<AccessIssueStatus>();
  protected readonly label = computed(() => ACCESS_ISSUE_STATUS_LABELS[this.status()]);
  protected readonly icon = computed(() => STATUS_ICONS[this.status()]);
}

/** The severity 1–4: as many filled marks as the level, and its name. */
@Component({
  selector: 'app-severity-badge',
  template: `<span class="severity" [attr.data-level]="severity()"
    ><span class="marks" aria-hidden="true">{{ marks() }}</span> <span>{{ label() }}</span
    ><span class="visually-hidden"> (gravité {{ severity() }} sur 4)</span></span
  >`,
  styles: `
    .severity {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      white-space: nowrap;
    }
    .marks {
      letter-spacing: 1px;
      font-size: 0.75em;
      color: var(--mat-sys-on-surface-variant);
    }
    [data-level='3'] .marks,
    [data-level='4'] .marks {
      color: var(--mat-sys-error);
    }
    [data-level='4'] {
      font-weight: 600;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SeverityBadge {
  readonly severity = input.required<Severity>();
  protected readonly label = computed(() => SEVERITY_LABELS[this.severity()]);
  protected readonly marks = computed(() => '●'.repeat(this.severity()) + '○'.repeat(4 - this.severity()));
}
