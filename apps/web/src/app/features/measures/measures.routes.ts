import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

const editors = permissionGuard('measures.write');

/** `/mesures`: the list with its budgets, a measure's page, the form (editors only). */
export const measuresRoutes: Route[] = [
  { path: '', loadComponent: () => import('./measures-page').then((m) => m.MeasuresPage) },
  {
    path: 'nouvelle',
    title: 'Nouvelle mesure',
    canActivate: [editors],
    loadComponent: () => import('./measure-form-page').then((m) => m.MeasureFormPage),
  },
  {
    path: ':id',
    title: 'Mesure',
    loadComponent: () => import('./measure-detail-page').then((m) => m.MeasureDetailPage),
  },
  {
    path: ':id/modifier',
    title: 'Modifier la mesure',
    canActivate: [editors],
    loadComponent: () => import('./measure-form-page').then((m) => m.MeasureFormPage),
  },
];
