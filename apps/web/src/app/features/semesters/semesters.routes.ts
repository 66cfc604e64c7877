import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

/** `/semestres`: ECharts is provided here only, and loaded when the chart first renders. */
export const semesterRoutes: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.default) })],
    loadComponent: () => import('./semesters-page').then((m) => m.SemestersPage),
  },
];
