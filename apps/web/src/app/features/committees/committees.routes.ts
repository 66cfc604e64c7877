import type { Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

const editors = permissionGuard('committees.write');

/** `/comites`: the meetings, one meeting, the form (mission officer and admin only). */
export const committeeRoutes: Routes = [
  { path: '', loadComponent: () => import('./committees-page').then((m) => m.CommitteesPage) },
  {
    path: 'nouvelle',
    title: 'Nouvelle réunion',
    canActivate: [editors],
    loadComponent: () => import('./meeting-form-page').then((m) => m.MeetingFormPage),
  },
  {
    path: ':id',
    title: 'Réunion de comité',
    loadComponent: () => import('./meeting-detail-page').then((m) => m.MeetingDetailPage),
  },
  {
    path: ':id/modifier',
    title: 'Modifier la réunion',
    canActivate: [editors],
    loadComponent: () => import('./meeting-form-page').then((m) => m.MeetingFormPage),
  },
];
