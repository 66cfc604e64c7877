import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DashboardChartCard } from './chart-card';
import type { DashboardChartOption } from './dashboard-charts';
import type { FigureTable } from './dashboard-tables';
import { type FakeChart, provideFakeEcharts } from './testing-echarts';

const TABLE: FigureTable = {
  caption: 'Visites de terrain sur la période',
  columns: [
    { key: 'label', label: 'Visites' },
    { key: 'count', label: 'Nombre', numeric: true },
  ],
  rows: [
    { label: 'Prévues', count: '41' },
    { label: 'Réalisées', count: '37' },
  ],
  footer: { label: 'Taux de réalisation', count: '90 %' },
};

const OPTIONS: DashboardChartOption = { series: [{ type: 'bar', data: [41, 37] }] };

@Component({
  imports: [DashboardChartCard],
  template: `<app-dashboard-chart-card
    heading="Visites de terrain"
    caption="Taux de réalisation : 90 %"
    [options]="options"
    [table]="table"
    [empty]="empty()"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly options = OPTIONS;
  readonly table = TABLE;
  readonly empty = signal(false);
}

describe('DashboardChartCard', () => {
  let fixture: ComponentFixture<Host>;
  let root: HTMLElement;
  let charts: FakeChart[];

  beforeEach(async () => {
    charts = [];
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideNoopAnimations(), provideFakeEcharts(charts)],
    });
    fixture = TestBed.createComponent(Host);
    root = fixture.nativeElement;
    fixture.detectChanges();
    await fixture.whenStable();
  });

  const text = (el: Element | null | undefined): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const tableView = (): HTMLElement => root.querySelector('.table-view') as HTMLElement;
  const chartView = (): HTMLElement => root.querySelector('.chart-view') as HTMLElement;

  it('names its region by its heading and draws the chart with the options given', async () => {
    const region = root.querySelector('[role="region"]');
    expect(region?.getAttribute('aria-labelledby')).toBe(root.querySelector('h3')?.id);
    expect(text(root.querySelector('h3'))).toBe('Visites de terrain');
    expect(text(root.querySelector('.card-caption'))).toBe('Taux de réalisation : 90 %');
    // ngx-echarts creates the chart on a timer after the view.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    expect(charts).toHaveLength(1);
    expect(charts[0].options).toEqual([OPTIONS]);
  });

  it('switches between the chart and the same numbers as a table', () => {
    expect(chartView().classList).not.toContain('screen-hidden');
    expect(tableView().classList).toContain('screen-hidden');

    const [chartButton, tableButton] = [...root.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')];
    expect(text(tableButton)).toContain('Tableau');
    tableButton.click();
    fixture.detectChanges();

    expect(chartView().classList).toContain('screen-hidden');
    expect(tableView().classList).not.toContain('screen-hidden');
    expect(tableButton.getAttribute('aria-checked')).toBe('true');
    expect(text(root.querySelector('caption'))).toBe('Visites de terrain sur la période');
    expect([...root.querySelectorAll('thead th')].map(text)).toEqual(['Visites', 'Nombre']);
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(text));
    expect(rows).toEqual([
      ['Prévues', '41'],
      ['Réalisées', '37'],
    ]);
    // Row headers name each row for screen readers.
    expect(root.querySelector('tbody tr th')?.getAttribute('scope')).toBe('row');
    expect([...root.querySelectorAll('tfoot tr > *, tr.mat-mdc-footer-row > *')].map(text)).toContain('90 %');

    chartButton.click();
    fixture.detectChanges();
    expect(chartView().classList).not.toContain('screen-hidden');
  });

  it('narrows a wide chart to the width of the paper while printing', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    const card = root.querySelector('app-dashboard-chart-card') as HTMLElement;
    Object.defineProperty(card, 'clientWidth', { configurable: true, value: 1000 });
    window.dispatchEvent(new Event('beforeprint'));
    window.dispatchEvent(new Event('afterprint'));
    expect(charts[0].resizes).toEqual([{ width: 640 }, null]);
  });

  it('says there is nothing to show instead of drawing an empty chart', () => {
    fixture.componentInstance.empty.set(true);
    fixture.detectChanges();
    expect(text(root.querySelector('.empty'))).toContain('Aucune donnée pour cette période et ce territoire.');
    expect(root.querySelector('[echarts]')).toBeNull();
    expect(root.querySelector('mat-button-toggle-group')).toBeNull();
  });
});
