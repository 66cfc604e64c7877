import type { Routes } from '@angular/router';

/** `/etat-offre`: the snapshots, one snapshot's frozen figures, two snapshots side by side. */
export const offerSnapshotRoutes: Routes = [
  { path: '', loadComponent: () => import('./snapshots-page').then((m) => m.SnapshotsPage) },
  {
    path: 'comparer',
    title: 'Comparer deux relevés',
    loadComponent: () => import('./snapshot-compare-page').then((m) => m.SnapshotComparePage),
  },
  {
    path: ':id',
    title: 'Relevé de l’offre',
    loadComponent: () => import('./snapshot-detail-page').then((m) => m.SnapshotDetailPage),
  },
];
