import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { ACCREDITATION_VALIDITY_LABELS, type AccreditationValidity } from '@maillage/shared/domain';

const ICONS: Readonly<Record<AccreditationValidity, string>> = {
  pending: 'hourglass_top',
  valid: 'verified',
  expiring_soon: 'schedule',
  expired: 'event_busy',
  withdrawn: 'block',
};

/** Where an accreditation stands today: icon and words, coloured by urgency. */
@Component({
  selector: 'app-validity-badge',
  imports: [MatIconModule],
  template: `<span class="badge" [class]="'badge--' + validity()"
    ><mat-icon aria-hidden="true">{{ icon() }}</mat-icon
    >{{ label() }}</span
  >`,
  styles: `
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 10px 2px 6px;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-large);
      white-space: nowrap;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    mat-icon {
      width: 18px;
      height: 18px;
      font-size: 18px;
    }
    .badge--valid {
      background: color-mix(in srgb, var(--app-success) 14%, transparent);
      color: var(--app-success);
    }
    .badge--expiring_soon {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .badge--expired {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .badge--withdrawn {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ValidityBadge {
  readonly validity = input.required<AccreditationValidity>();
  protected readonly label = computed(() => ACCREDITATION_VALIDITY_LABELS[this.validity()]);
  protected readonly icon = computed(() => ICONS[this.validity()]);
}
