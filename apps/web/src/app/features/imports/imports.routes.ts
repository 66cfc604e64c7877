import type { Route } from '@angular/router';

/** `/imports`: the history, the upload (step 1) and one import (mapping, preview, apply, undo). */
export const importsRoutes: Route[] = [
  { path: '', loadComponent: () => import('./imports-page').then((m) => m.ImportsPage) },
  {
    path: 'nouveau',
    title: 'Importer un tableur',
    loadComponent: () => import('./import-upload-page').then((m) => m.ImportUploadPage),
  },
  {
    path: ':id',
    title: 'Import',
    loadComponent: () => import('./import-job-page').then((m) => m.ImportJobPage),
  },
];
