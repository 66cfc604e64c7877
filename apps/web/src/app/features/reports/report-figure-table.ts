import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ReportFigureTable } from '@maillage/shared/domain';
import { formatFigure, isMoneyColumn } from './reports-api';

interface Line {
  key: string;
  label: string;
  cells: string[];
  /** Widths of the bars in % of the largest value drawn. */
  bars: number[];
}

/** One figures table of the report: French numbers (euros for budgets), a bar per value drawn, the total. */
@Component({
  selector: 'app-report-figure-table',
  template: `
    <!-- Scrolls sideways when the phone is narrower than the table: focusable for the keyboard. -->
    <div class="scroll" tabindex="0" role="region" [attr.aria-label]="table().title">
      <table class="figures">
        <caption class="visually-hidden">
          {{
            table().title
          }}
        </caption>
        <thead>
          <tr>
            @for (column of table().columns; track $index) {
              <th scope="col" [class.num]="$index > 0">{{ column }}</th>
            }
            <th scope="col" class="bar-col"><span class="visually-hidden">Visualisation</span></th>
          </tr>
        </thead>
        <tbody>
          @for (line of lines(); track line.key) {
            <tr>
              <th scope="row">{{ line.label }}</th>
              @for (cell of line.cells; track $index) {
                <td class="num">{{ cell }}</td>
              }
              <td class="bar-col" aria-hidden="true">
                @for (width of line.bars; track $index) {
                  <span class="track"
                    ><span class="bar" [class]="'bar s' + $index" [style.width.%]="width"></span
                  ></span>
                }
              </td>
            </tr>
          }
        </tbody>
        @if (total(); as cells) {
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              @for (cell of cells; track $index) {
                <td class="num">{{ cell }}</td>
              }
              <td class="bar-col"></td>
            </tr>
          </tfoot>
        }
      </table>
    </div>
    @if (legend().length > 1) {
      <p class="legend" aria-hidden="true">
        @for (name of legend(); track $index) {
          <span><span class="swatch" [class]="'swatch s' + $index"></span>{{ name }}</span>
        }
      </p>
    }
    <p class="note">{{ table().note }}</p>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .scroll {
      overflow-x: auto;
      /* Clips what is positioned inside it too (the caption for screen readers). */
      position: relative;
    }
    .scroll:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    .figures {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      text-align: left;
      font-weight: normal;
    }
    thead th {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      border-bottom: 2px solid var(--mat-sys-primary);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    tfoot th,
    tfoot td {
      font-weight: 600;
      border-bottom: none;
    }
    .bar-col {
      width: 30%;
      min-width: 64px;
    }
    .track {
      display: block;
      height: 6px;
      margin: 2px 0;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-high);
    }
    .bar {
      display: block;
      height: 100%;
      border-radius: 3px;
    }
    .s0 {
      background: var(--mat-sys-primary);
    }
    .s1 {
      background: var(--app-brand-teal);
    }
    .legend {
      display: flex;
      justify-content: flex-end;
      gap: 16px;
      margin: 6px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .swatch {
      display: inline-block;
      width: 10px;
      height: 10px;
      margin-right: 4px;
      border-radius: 2px;
      vertical-align: -1px;
    }
    .note {
      margin: 6px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFigureTableView {
  readonly table = input.required<ReportFigureTable>();

  /** The value columns drawn as bars: the budgets for the measures (not the count), all others. */
  private readonly drawn = computed(() => {
    const t = this.table();
    const columns = t.columns.slice(1).map((_, i) => i);
    return t.key === 'measures' ? columns.filter((i) => isMoneyColumn(t, i)) : columns;
  });

  protected readonly legend = computed(() => this.drawn().map((i) => this.table().columns[i + 1]));

  protected readonly lines = computed<Line[]>(() => {
    const t = this.table();
    const drawn = this.drawn();
    const max = Math.max(0, ...t.rows.flatMap((r) => drawn.map((i) => r.values[i])));
    return t.rows.map((row) => ({
      key: row.key,
      label: row.label,
      cells: row.values.map((v, i) => formatFigure(t, i, v)),
      bars: drawn.map((i) => (max > 0 ? (row.values[i] / max) * 100 : 0)),
    }));
  });

  protected readonly total = computed(() => {
    const t = this.table();
    return t.total ? t.total.map((v, i) => formatFigure(t, i, v)) : null;
  });
}
