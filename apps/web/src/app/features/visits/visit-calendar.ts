import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type SiteVisitSummary, VISIT_PURPOSE_LABELS, VISIT_STATUS_LABELS } from '@maillage/shared/domain';
import { toIsoDate } from '@maillage/web/util';
import { addDays, type CalendarDay, longDate, monthGrid, monthLabel, WEEKDAY_LABELS } from './calendar-month';

const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * A month of visits, Monday first. A grid: arrows move between days (and across months), Home/End
 * go to the week's ends, Tab reaches the visits of the focused day.
 */
@Component({
  selector: 'app-visit-calendar',
  imports: [RouterLink],
  template: `
    <table class="calendar" role="grid" [attr.aria-label]="'Calendrier des visites, ' + label()">
      <thead>
        <tr>
          @for (name of weekdays; track name) {
            <th scope="col" [attr.abbr]="name">{{ name.slice(0, 3) }}.</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (week of weeks(); track week[0].iso) {
          <tr>
            @for (day of week; track day.iso) {
              <td
                role="gridcell"
                [attr.data-iso]="day.iso"
                [attr.tabindex]="day.iso === focused() ? 0 : -1"
                [attr.aria-label]="dayLabel(day)"
                [attr.aria-current]="day.isToday ? 'date' : null"
                [class.outside]="!day.inMonth"
                [class.today]="day.isToday"
                (keydown)="onKeydown($event, day.iso)"
                (focusin)="focused.set(day.iso)"
              >
                <span class="day-number" aria-hidden="true">{{ day.day }}</span>
                @if (byDay().get(day.iso); as visits) {
                  <ul>
                    @for (visit of visits; track visit.id) {
                      <li>
                        <a [routerLink]="['/visites', visit.id]" [class]="'visit ' + visit.status">
                          @if (visit.plannedTime) {
                            <span class="time">{{ visit.plannedTime }}</span>
                          }
                          <span class="site">{{ visit.site.name }}</span>
                          <span class="meta"
                            >{{ purposeLabels[visit.purpose] }} · {{ statusLabels[visit.status] }}</span
                          >
                        </a>
                      </li>
                    }
                  </ul>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .calendar {
      width: 100%;
      min-width: 700px;
      table-layout: fixed;
      border-collapse: collapse;
    }
    th {
      padding: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      text-align: start;
      text-transform: capitalize;
    }
    td {
      height: 112px;
      padding: 4px 6px;
      vertical-align: top;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
    }
    td:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    td.outside {
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
    }
    .day-number {
      display: inline-grid;
      place-items: center;
      min-width: 28px;
      height: 28px;
      font: var(--mat-sys-label-large);
    }
    td.today .day-number {
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    ul {
      margin: 2px 0 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 4px;
    }
    .visit {
      display: block;
      padding: 2px 6px;
      border-radius: var(--mat-sys-corner-extra-small);
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      text-decoration: none;
      font: var(--mat-sys-body-small);
    }
    .visit:hover .site,
    .visit:focus-visible .site {
      text-decoration: underline;
    }
    .visit.done {
      border-inline-start-color: var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .visit.cancelled {
      border-inline-start-color: var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface-variant);
    }
    .visit.cancelled .site {
      text-decoration: line-through;
    }
    .time {
      font-weight: 600;
      margin-inline-end: 4px;
    }
    .site {
      font-weight: 500;
      overflow-wrap: anywhere;
    }
    .meta {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VisitCalendar {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  /** A day chosen with the keyboard in another month: focused once that month is shown. */
  private pendingFocus: string | null = null;

  /** `YYYY-MM`. */
  readonly month = input.required<string>();
  readonly visits = input<readonly SiteVisitSummary[]>([]);
  /** Asks for another month (keyboard navigation past the visible days). */
  readonly monthChange = output<string>();

  protected readonly weekdays = WEEKDAY_LABELS;
  protected readonly purposeLabels = VISIT_PURPOSE_LABELS;
  protected readonly statusLabels = VISIT_STATUS_LABELS;
  protected readonly weeks = computed(() => monthGrid(this.month()));
  protected readonly label = computed(() => monthLabel(this.month()));
  protected readonly byDay = computed(() => {
    const map = new Map<string, SiteVisitSummary[]>();
    for (const visit of this.visits()) {
      const list = map.get(visit.plannedOn) ?? [];
      list.push(visit);
      map.set(visit.plannedOn, list);
    }
    return map;
  });
  /** The day that takes the Tab stop: today when shown, otherwise the 1st of the month. */
  protected readonly focused = linkedSignal(() => {
    const month = this.month();
    if (this.pendingFocus?.startsWith(month)) return this.pendingFocus;
    const today = toIsoDate(new Date());
    return today.startsWith(month) ? today : `${month}-01`;
  });

  constructor() {
    afterRenderEffect(() => {
      const month = this.month();
      if (this.pendingFocus?.startsWith(month)) {
        const iso = this.pendingFocus;
        this.pendingFocus = null;
        this.focusCell(iso);
      }
    });
  }

  protected dayLabel(day: CalendarDay): string {
    const count = this.byDay().get(day.iso)?.length ?? 0;
    const visits = count === 0 ? 'aucune visite' : count === 1 ? '1 visite' : `${count} visites`;
    return `${longDate(day.iso)}${day.isToday ? ", aujourd'hui" : ''}, ${visits}`;
  }

  protected onKeydown(event: KeyboardEvent, iso: string): void {
    if (event.target !== event.currentTarget) return;
    let target: string | null = null;
    if (event.key in MOVES) target = addDays(iso, MOVES[event.key]);
    else if (event.key === 'Home' || event.key === 'End') {
      const week = this.weeks().find((w) => w.some((d) => d.iso === iso));
      if (week) target = event.key === 'Home' ? week[0].iso : week[6].iso;
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      target = addDays(iso, event.key === 'PageUp' ? -28 : 28);
    }
    if (!target) return;
    event.preventDefault();
    if (target.startsWith(this.month())) {
      this.focused.set(target);
      this.focusCell(target);
    } else {
      this.pendingFocus = target;
      this.monthChange.emit(target.slice(0, 7));
    }
  }

  private focusCell(iso: string): void {
    this.host.nativeElement.querySelector<HTMLElement>(`td[data-iso="${iso}"]`)?.focus();
  }
}
