import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

const editors = permissionGuard('visits.write');

/** `/visites`: the calendar, a visit, its report form and its correction (editors only; the API checks it too). */
export const visitRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./visits-page').then((m) => m.VisitsPage),
  },
  {
    path: ':id',
    title: 'Fiche visite',
    loadComponent: () => import('./visit-detail-page').then((m) => m.VisitDetailPage),
  },
  {
    path: ':id/compte-rendu',
    title: 'Compte rendu de visite',
    canActivate: [editors],
    loadComponent: () => import('./visit-record-page').then((m) => m.VisitRecordPage),
  },
  {
    path: ':id/corriger',
    title: 'Corriger une visite',
    canActivate: [editors],
    data: { mode: 'correct' },
    loadComponent: () => import('./visit-record-page').then((m) => m.VisitRecordPage),
  },
];
