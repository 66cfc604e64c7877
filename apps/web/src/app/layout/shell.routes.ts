import { Dialog } from '@angular/cdk/dialog';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginatorIntl } from '@angular/material/paginator';
import type { Route } from '@angular/router';
import { roleGuard } from '../core/auth/auth.guards';
import { FrenchPaginatorIntl } from '../core/locale/french-paginator-intl';
import { provideMaterialDefaults } from '../core/locale/material-defaults';
import { AREAS, type AreaKey, rolesFor } from '../core/navigation/areas';
import { Shell } from './shell';

/** Areas whose screens are not built yet: one "bientôt disponible" page each, same guards. */
const upcoming: Route[] = (Object.keys(AREAS) as AreaKey[])
  .map((key) => AREAS[key])
  .filter((area) => !area.ready)
  .map((area) => ({
    path: area.path,
    title: area.label,
    canActivate: [roleGuard(...rolesFor(area.key))],
    data: { area: area.key },
    loadComponent: () => import('../features/placeholder/coming-soon-page').then((m) => m.ComingSoonPage),
  }));

/** The signed-in part of the app (lazy: the login page does not load it). */
export const shellRoutes: Route[] = [
  {
    path: '',
    component: Shell,
    // French dates and outlined fields for every screen, and dialog services of this injector so
    // that dialogs (created from the CDK dialog service's injector) get them too.
    providers: [
      { provide: MatPaginatorIntl, useClass: FrenchPaginatorIntl },
      ...provideMaterialDefaults(),
      Dialog,
      MatDialog,
    ],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Accueil',
        loadComponent: () => import('../features/home/home-page').then((m) => m.HomePage),
      },
      {
        path: AREAS.users.path,
        title: AREAS.users.label,
        canActivate: [roleGuard('admin')],
        loadComponent: () => import('../features/users/users-page').then((m) => m.UsersPage),
      },
      {
        // Every role may look the communes up, even when its menu does not list the page.
        path: AREAS.territory.path,
        title: AREAS.territory.label,
        loadComponent: () => import('../features/territory/territory-page').then((m) => m.TerritoryPage),
      },
      {
        path: AREAS.professionals.path,
        canActivate: [roleGuard(...rolesFor('professionals'))],
        loadChildren: () => import('../features/professionals/professionals.routes').then((m) => m.professionalsRoutes),
      },
      {
        path: AREAS.referrals.path,
        canActivate: [roleGuard(...rolesFor('referrals'))],
        loadChildren: () => import('../features/referrals/referrals.routes').then((m) => m.referralsRoutes),
      },
      {
        path: AREAS.intents.path,
        canActivate: [roleGuard(...rolesFor('intents'))],
        loadChildren: () => import('../features/intents/intents.routes').then((m) => m.intentsRoutes),
      },
      { path: 'intentions', pathMatch: 'full', redirectTo: AREAS.intents.path },
      {
        // Every role reads the registry (the API checks writes): no role guard, like Territoire.
        path: AREAS.sites.path,
        title: AREAS.sites.label,
        loadChildren: () => import('../features/sites/sites.routes').then((m) => m.siteRoutes),
      },
      {
        path: AREAS.accreditations.path,
        title: AREAS.accreditations.label,
        loadComponent: () => import('../features/accreditations/accreditations-page').then((m) => m.AccreditationsPage),
      },
      {
        path: AREAS.tasks.path,
        title: AREAS.tasks.label,
        canActivate: [roleGuard(...rolesFor('tasks'), 'admin')],
        loadComponent: () => import('../features/tasks/tasks-page').then((m) => m.TasksPage),
      },
      {
        path: AREAS.semesters.path,
        title: AREAS.semesters.label,
        canActivate: [roleGuard(...rolesFor('semesters'), 'admin')],
        loadChildren: () => import('../features/semesters/semesters.routes').then((m) => m.semesterRoutes),
      },
      {
        // The CDOM proposes issues (from a site's page) without the area in its menu.
        path: AREAS.accessIssues.path,
        title: AREAS.accessIssues.label,
        canActivate: [roleGuard(...rolesFor('accessIssues'), 'cdom', 'admin')],
        loadChildren: () => import('../features/access-issues/access-issues.routes').then((m) => m.accessIssuesRoutes),
      },
      { path: 'difficultes', pathMatch: 'full', redirectTo: AREAS.accessIssues.path },
      {
        path: AREAS.measures.path,
        title: AREAS.measures.label,
        canActivate: [roleGuard(...rolesFor('measures'), 'admin')],
        loadChildren: () => import('../features/measures/measures.routes').then((m) => m.measuresRoutes),
      },
      {
        // Every role reads the calendar (the API scopes the CDOM and checks writes), as for the sites.
        path: AREAS.visits.path,
        title: AREAS.visits.label,
        loadChildren: () => import('../features/visits/visits.routes').then((m) => m.visitRoutes),
      },
      {
        path: AREAS.dashboard.path,
        title: AREAS.dashboard.label,
        canActivate: [roleGuard(...rolesFor('dashboard'), 'admin')],
        loadChildren: () => import('../features/dashboard/dashboard.routes').then((m) => m.dashboardRoutes),
      },
      {
        path: AREAS.map.path,
        title: AREAS.map.label,
        canActivate: [roleGuard(...rolesFor('map'), 'admin')],
        loadChildren: () => import('../features/map/map.routes').then((m) => m.mapRoutes),
      },
      {
        path: AREAS.offer.path,
        title: AREAS.offer.label,
        canActivate: [roleGuard(...rolesFor('offer'), 'admin')],
        loadChildren: () =>
          import('../features/offer-snapshots/offer-snapshots.routes').then((m) => m.offerSnapshotRoutes),
      },
      {
        path: AREAS.committees.path,
        title: AREAS.committees.label,
        canActivate: [roleGuard(...rolesFor('committees'), 'admin')],
        loadChildren: () => import('../features/committees/committees.routes').then((m) => m.committeeRoutes),
      },
      {
        path: AREAS.reports.path,
        title: AREAS.reports.label,
        canActivate: [roleGuard(...rolesFor('reports'), 'admin')],
        loadChildren: () => import('../features/reports/reports.routes').then((m) => m.reportRoutes),
      },
      ...upcoming,
      {
        path: '**',
        title: 'Page introuvable',
        loadComponent: () => import('../features/not-found/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
