import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

/** `/tableau-de-bord`: ECharts is provided here only, and loaded when the first chart renders. */
export const dashboardRoutes: Routes = [
  {
    path: '',
    providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.default) })],
    loadComponent: () => import('./dashboard-page').then((m) => m.DashboardPage),
  },
];
