import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { isUnderServed, type Zonage, ZONAGE_LABELS, ZONAGE_SHORT_LABELS } from '@maillage/shared/domain';

/** The ARS zonage of a commune: short code, full name on hover and for screen readers. */
@Component({
  selector: 'app-zonage-badge',
  template: `
    @if (zonage(); as z) {
      <abbr class="zonage" [class.zonage--priority]="priority()" [title]="long()"
        >{{ short() }}<span class="visually-hidden"> : {{ long() }}</span></abbr
      >
    } @else {
      <span class="none">Zonage non renseigné</span>
    }
  `,
  styles: `
    .zonage {
      display: inline-block;
      padding: 1px 8px;
      border-radius: var(--mat-sys-corner-full);
      border: 1px solid var(--mat-sys-outline);
      font: var(--mat-sys-label-medium);
      text-decoration: none;
      cursor: help;
      white-space: nowrap;
    }
    .zonage--priority {
      border-color: var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .none {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ZonageBadge {
  readonly zonage = input<Zonage | null>(null);
  protected readonly short = computed(() => {
    const z = this.zonage();
    return z ? ZONAGE_SHORT_LABELS[z] : '';
  });
  protected readonly long = computed(() => {
    const z = this.zonage();
    return z ? ZONAGE_LABELS[z] : '';
  });
  /** ZIP / ZAC: the under-served zones that open allowances. */
  protected readonly priority = computed(() => isUnderServed(this.zonage()));
}
