import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/** What the specs read back from a fake chart: every option it was given, and its resizes. */
export interface FakeChart {
  options: unknown[];
  resizes: unknown[];
}

/**
 * ECharts cannot draw in jsdom: specs give ngx-echarts a fake `init` that records the options,
 * and a ResizeObserver that does nothing.
 */
export function provideFakeEcharts(charts: FakeChart[]): Provider {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', {
      configurable: true,
      value: class {
        observe(): void {
          /* nothing to observe in jsdom */
        }
        unobserve(): void {
          /* nothing to observe in jsdom */
        }
        disconnect(): void {
          /* nothing to observe in jsdom */
        }
      },
    });
  }
  const ignore = (): void => undefined;
  const init = (): object => {
    const chart: FakeChart = { options: [], resizes: [] };
    charts.push(chart);
    return {
      setOption: (option: unknown) => chart.options.push(option),
      resize: (opts?: unknown) => chart.resizes.push(opts ?? null),
      dispose: ignore,
      isDisposed: () => false,
      on: ignore,
      off: ignore,
    };
  };
  return provideEchartsCore({ echarts: { init } });
}
