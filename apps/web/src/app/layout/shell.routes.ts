import { Dialog } from '@angular/cdk/dialog';
import { MatDialog } from '@angular/material/dialog';
import type { Route } from '@angular/router';
import { provideFrenchMaterial } from '@maillage/web/ui';
import { FORBIDDEN_PATH, permissionGuard } from '../core/auth/auth.guards';
import { AREAS, type AreaKey } from '../core/navigation/areas';
import { Shell } from './shell';

type Load = Required<Pick<Route, 'loadComponent'>> | Required<Pick<Route, 'loadChildren'>>;

/** The route of an area: its path and title, guarded by the area's permission (the one map). */
function area(key: AreaKey, load: Load): Route {
  const { path, label, permission } = AREAS[key];
  return { path, title: label, canActivate: [permissionGuard(permission)], ...load };
}

/** The signed-in part of the app (lazy: the login page does not load it). */
export const shellRoutes: Route[] = [
  {
    path: '',
    component: Shell,
    // Material in French for every screen, and dialog services of this injector so that dialogs
    // (created from the CDK dialog service's injector) get it too.
    providers: [...provideFrenchMaterial(), Dialog, MatDialog],
    children: [
      {
        ...area('home', { loadComponent: () => import('../features/home/home-page').then((m) => m.HomePage) }),
        pathMatch: 'full',
      },
      {
        path: FORBIDDEN_PATH,
        title: 'Accès refusé',
        loadComponent: () => import('../features/forbidden/forbidden-page').then((m) => m.ForbiddenPage),
      },
      {
        path: 'notifications',
        title: 'Notifications',
        canActivate: [permissionGuard('notifications.own')],
        loadComponent: () => import('../features/notifications/notifications-page').then((m) => m.NotificationsPage),
      },
      area('outbox', {
        loadComponent: () => import('../features/notifications/outbox-page').then((m) => m.OutboxPage),
      }),
      area('users', { loadComponent: () => import('../features/users/users-page').then((m) => m.UsersPage) }),
      area('territory', {
        loadComponent: () => import('../features/territory/territory-page').then((m) => m.TerritoryPage),
      }),
      area('professionals', {
        loadChildren: () => import('../features/professionals/professionals.routes').then((m) => m.professionalsRoutes),
      }),
      area('referrals', {
        loadChildren: () => import('../features/referrals/referrals.routes').then((m) => m.referralsRoutes),
      }),
      area('intents', {
        loadChildren: () => import('../features/intents/intents.routes').then((m) => m.intentsRoutes),
      }),
      { path: 'intentions', pathMatch: 'full', redirectTo: AREAS.intents.path },
      area('sites', { loadChildren: () => import('../features/sites/sites.routes').then((m) => m.siteRoutes) }),
      area('accreditations', {
        loadComponent: () => import('../features/accreditations/accreditations-page').then((m) => m.AccreditationsPage),
      }),
      area('tasks', { loadComponent: () => import('../features/tasks/tasks-page').then((m) => m.TasksPage) }),
      area('semesters', {
        loadChildren: () => import('../features/semesters/semesters.routes').then((m) => m.semesterRoutes),
      }),
      area('accessIssues', {
        loadChildren: () => import('../features/access-issues/access-issues.routes').then((m) => m.accessIssuesRoutes),
      }),
      { path: 'difficultes', pathMatch: 'full', redirectTo: AREAS.accessIssues.path },
      area('measures', {
        loadChildren: () => import('../features/measures/measures.routes').then((m) => m.measuresRoutes),
      }),
      area('visits', { loadChildren: () => import('../features/visits/visits.routes').then((m) => m.visitRoutes) }),
      area('dashboard', {
        loadChildren: () => import('../features/dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
      }),
      area('map', { loadChildren: () => import('../features/map/map.routes').then((m) => m.mapRoutes) }),
      area('offer', {
        loadChildren: () =>
          import('../features/offer-snapshots/offer-snapshots.routes').then((m) => m.offerSnapshotRoutes),
      }),
      area('committees', {
        loadChildren: () => import('../features/committees/committees.routes').then((m) => m.committeeRoutes),
      }),
      area('reports', {
        loadChildren: () => import('../features/reports/reports.routes').then((m) => m.reportRoutes),
      }),
      area('imports', {
        loadChildren: () => import('../features/imports/imports.routes').then((m) => m.importsRoutes),
      }),
      area('generalPractitioners', {
        loadChildren: () =>
          import('../features/general-practitioners/general-practitioners.routes').then(
            (m) => m.generalPractitionersRoutes,
          ),
      }),
      area('referenceData', {
        loadComponent: () => import('../features/reference-data/reference-data-page').then((m) => m.ReferenceDataPage),
      }),
      {
        path: '**',
        title: 'Page introuvable',
        loadComponent: () => import('../features/not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
