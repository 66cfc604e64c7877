import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { type Priority, PRIORITY_LABELS, REFERRAL_STATUS_LABELS, type ReferralStatus } from '@maillage/shared/domain';

const STATUS_ICONS: Readonly<Record<ReferralStatus, string>> = {
  new: 'fiber_new',
  assigned: 'assignment_ind',
  in_progress: 'forum',
  converted: 'task_alt',
  declined: 'do_not_disturb_on',
  not_eligible: 'block',
};

/** The list keeps to one short word; the detail page says what "converted" means. */
const SHORT_LABELS: Readonly<Record<ReferralStatus, string>> = { ...REFERRAL_STATUS_LABELS, converted: 'Converti' };

const PRIORITY_ICONS: Readonly<Record<Priority, string>> = {
  high: 'keyboard_double_arrow_up',
  normal: 'drag_handle',
  low: 'keyboard_arrow_down',
};

/** The status of a referral: icon and words, "Nouveau" stands out (never by colour alone). */
@Component({
  selector: 'app-referral-status',
  imports: [MatIconModule],
  template: `<span class="badge" [class]="'badge--' + status()">
    <mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}
  </span>`,
  styleUrl: './referral-badges.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralStatusBadge {
  readonly status = input.required<ReferralStatus>();
  /** The full wording ("Converti (entré dans le parcours MSU)") rather than the short one. */
  readonly long = input(false);
  protected readonly icon = computed(() => STATUS_ICONS[this.status()]);
  protected readonly label = computed(() => (this.long() ? REFERRAL_STATUS_LABELS : SHORT_LABELS)[this.status()]);
}

/** The priority of a referral: an arrow icon and the word. */
@Component({
  selector: 'app-referral-priority',
  imports: [MatIconModule],
  template: `<span class="priority" [class.priority--high]="priority() === 'high'">
    <mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}
  </span>`,
  styleUrl: './referral-badges.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralPriorityBadge {
  readonly priority = input.required<Priority>();
  protected readonly icon = computed(() => PRIORITY_ICONS[this.priority()]);
  protected readonly label = computed(() => PRIORITY_LABELS[this.priority()]);
}
