import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  COMMITTEE_KIND_LABELS,
  type CommitteeKind,
  MEETING_STATUS_LABELS,
  type MeetingStatus,
} from '@maillage/shared/domain';

/** « Comité de suivi » / « Comité stratégique », each with its colour. */
@Component({
  selector: 'app-committee-kind-chip',
  template: `<span class="chip" [attr.data-kind]="kind()">{{ labels[kind()] }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 12px;
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .chip[data-kind='strategic'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommitteeKindChip {
  readonly kind = input.required<CommitteeKind>();
  protected readonly labels = COMMITTEE_KIND_LABELS;
}

/** « Programmé », « Tenu », « Annulé ». */
@Component({
  selector: 'app-meeting-status-badge',
  template: `<span class="status" [attr.data-status]="status()">{{ labels[status()] }}</span>`,
  styles: `
    .status {
      display: inline-block;
      padding: 2px 8px;
      border-radius: 12px;
      white-space: nowrap;
      font: var(--mat-sys-label-medium);
      background: var(--mat-sys-surface-container-high);
    }
    .status[data-status='held'] {
      color: var(--app-success);
    }
    .status[data-status='cancelled'] {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeetingStatusBadge {
  readonly status = input.required<MeetingStatus>();
  protected readonly labels = MEETING_STATUS_LABELS;
}
