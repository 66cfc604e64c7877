import type { Route } from '@angular/router';

/** `/generalistes-non-msu`: the GPs of the RPPS directory who are not MSU yet. */
export const generalPractitionersRoutes: Route[] = [
  { path: '', loadComponent: () => import('./gp-page').then((m) => m.GeneralPractitionersPage) },
];
