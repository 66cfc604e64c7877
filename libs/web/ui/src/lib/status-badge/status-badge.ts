import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * The tones of a badge. Colour is never the only signal: a badge always says its label, and
 * most have an icon.
 */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'attention' | 'danger' | 'primary' | 'muted' | 'struck';

/** What a badge shows. `long`: the full wording, on hover and for screen readers (`label` is then an abbreviation). */
export interface Badge {
  label: string;
  tone: BadgeTone;
  icon?: string;
  long?: string;
  /** Bold, for what must stand out (a new referral). */
  strong?: boolean;
}

/** How each value of a domain looks: its tone and icon (the label comes from the domain's labels). */
export type BadgeLook = Omit<Badge, 'label'>;

/**
 * A domain's badges from its labels and one small table of looks:
 * `const siteStatusBadge = badges(SITE_STATUS_LABELS, { active: { tone: 'success', icon: 'check_circle' }, … })`.
 */
export function badges<T extends string | number>(
  labels: Readonly<Record<T, string>>,
  looks: Readonly<Record<T, BadgeLook>>,
): (value: T) => Badge {
  return (value) => ({ label: labels[value], ...looks[value] });
}

/** A status, a kind or a level: icon and words, coloured by tone. */
@Component({
  selector: 'ui-status-badge',
  imports: [MatIconModule],
  // Elements only, no loose text: the badge reads « check_circleActif » with no stray space.
  template: `
    @let b = badge();
    <span [class]="'badge badge--' + b.tone" [class.badge--strong]="b.strong">
      @if (b.icon) {
        <mat-icon aria-hidden="true">{{ b.icon }}</mat-icon>
      }
      @if (b.long) {
        <abbr [title]="b.long"
          ><span>{{ b.label }}</span
          ><span class="visually-hidden"> : {{ b.long }}</span></abbr
        >
      } @else {
        <span>{{ b.label }}</span>
      }
    </span>
  `,
  styleUrl: './status-badge.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusBadge {
  readonly badge = input.required<Badge>();
}
