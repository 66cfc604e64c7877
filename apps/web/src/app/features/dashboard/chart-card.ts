import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { ECharts } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { DashboardChartOption } from './dashboard-charts';
import type { FigureTable } from './dashboard-tables';

export type ChartView = 'chart' | 'table';

/** Widest chart on paper (A4 portrait, default margins), so the SVG is not cut when printed. */
const PRINT_WIDTH = 640;
let nextId = 0;

/**
 * A dashboard card: a chart and the same numbers as a table, one or the other on screen
 * ("Graphique / Tableau"), both on paper.
 */
@Component({
  selector: 'app-dashboard-chart-card',
  imports: [MatButtonToggleModule, MatIconModule, MatTableModule, NgxEchartsDirective],
  templateUrl: './chart-card.html',
  styleUrl: './chart-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.aria-labelledby]': 'headingId',
    role: 'region',
    '(window:beforeprint)': 'fitForPrint()',
    '(window:afterprint)': 'fitForScreen()',
  },
})
export class DashboardChartCard {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly heading = input.required<string>();
  readonly caption = input<string | null>(null);
  readonly options = input.required<DashboardChartOption>();
  readonly table = input.required<FigureTable>();
  /** Nothing to draw: the card says so instead of showing an empty chart. */
  readonly empty = input(false);
  readonly emptyText = input('Aucune donnée pour cette période et ce territoire.');
  readonly chartHeight = input(300);

  protected readonly view = signal<ChartView>('chart');
  protected readonly columnKeys = computed(() => this.table().columns.map((c) => c.key));
  protected readonly headingId = `dashboard-card-${nextId++}`;
  protected readonly initOpts = { renderer: 'svg' as const };
  private chart: ECharts | null = null;

  protected onChartInit(chart: ECharts): void {
    this.chart = chart;
  }

  protected setView(view: ChartView): void {
    this.view.set(view);
  }

  protected fitForPrint(): void {
    const width = this.host.nativeElement.clientWidth;
    if (this.chart && width > PRINT_WIDTH) this.chart.resize({ width: PRINT_WIDTH });
  }

  protected fitForScreen(): void {
    this.chart?.resize();
  }
}
