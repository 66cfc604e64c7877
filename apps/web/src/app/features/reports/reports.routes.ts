import type { Routes } from '@angular/router';

/** `/bilans`: the annual reports by year, and one report (read by all, written by the mission officer). */
export const reportRoutes: Routes = [
  { path: '', loadComponent: () => import('./reports-page').then((m) => m.ReportsPage) },
  {
    path: ':id',
    title: 'Bilan annuel',
    loadComponent: () => import('./report-detail-page').then((m) => m.ReportDetailPage),
  },
];
