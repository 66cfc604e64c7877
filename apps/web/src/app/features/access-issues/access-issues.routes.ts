import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

/** `/difficultes-acces`: board and list, the report form (CDOM: a proposal), one issue's page. */
export const accessIssuesRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./access-issues-page').then((m) => m.AccessIssuesPage),
  },
  {
    path: 'nouvelle',
    title: 'Signaler une difficulté',
    canActivate: [permissionGuard('accessIssues.propose')],
    loadComponent: () => import('./access-issue-form-page').then((m) => m.AccessIssueFormPage),
  },
  {
    path: ':id',
    title: 'Difficulté d’accès',
    loadComponent: () => import('./access-issue-detail-page').then((m) => m.AccessIssueDetailPage),
  },
];
