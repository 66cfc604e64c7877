import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { SITE_STATUS_LABELS, type SiteStatus } from '@maillage/shared/domain';
import { SITE_STATUS_ICONS } from './site-labels';

/** The status of a site: icon and text, coloured by status. */
@Component({
  selector: 'app-site-status-badge',
  imports: [MatIconModule],
  template: `<span class="badge" [class]="'badge--' + status()"
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
    .badge--active {
      background: color-mix(in srgb, var(--app-success) 14%, transparent);
      color: var(--app-success);
    }
    .badge--prospect {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .badge--suspended {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .badge--closed {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteStatusBadge {
  readonly status = input.required<SiteStatus>();
  protected readonly label = computed(() => SITE_STATUS_LABELS[this.status()]);
  protected readonly icon = computed(() => SITE_STATUS_ICONS[this.status()]);
}
