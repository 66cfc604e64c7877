import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ACCESS_ISSUE_STATUS_LABELS, type Severity, SEVERITY_LABELS } from '@maillage/shared/domain';
import { badges } from '@maillage/web/ui';

/** The status of an issue: icon + text (colour is never the only signal). */
export const issueStatusBadge = badges(ACCESS_ISSUE_STATUS_LABELS, {
  open: { tone: 'danger', icon: 'radio_button_unchecked' },
  in_progress: { tone: 'attention', icon: 'pending' },
  resolved: { tone: 'primary', icon: 'check_circle' },
  wont_fix: { tone: 'neutral', icon: 'block' },
});

/** The severity 1–4: as many filled marks as the level, and its name (a scale, not a status). */
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

/** A severity as forms, filters and the board name it: « 3 – Sérieuse ». */
export function severityName(severity: Severity): string {
  return `${severity} – ${SEVERITY_LABELS[severity]}`;
}
