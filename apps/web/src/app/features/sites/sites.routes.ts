import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';

const editors = permissionGuard('sites.write');

/** `/terrains`: the list, a site's page, and the form (editors only; the API checks it too). */
export const siteRoutes: Route[] = [
  {
    path: '',
    loadComponent: () => import('./sites-page').then((m) => m.SitesPage),
  },
  {
    path: 'nouveau',
    title: 'Nouveau terrain',
    canActivate: [editors],
    loadComponent: () => import('./site-form-page').then((m) => m.SiteFormPage),
  },
  {
    path: ':id',
    title: 'Fiche terrain',
    loadComponent: () => import('./site-detail-page').then((m) => m.SiteDetailPage),
  },
  {
    path: ':id/modifier',
    title: 'Modifier le terrain',
    canActivate: [editors],
    loadComponent: () => import('./site-form-page').then((m) => m.SiteFormPage),
  },
];
