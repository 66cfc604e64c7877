import type { Route } from '@angular/router';
import { AREAS } from '../../core/navigation/areas';

/** `/professionnels` and `/professionnels/:id` (lazy; the shell's guard lets the area's roles in). */
export const professionalsRoutes: Route[] = [
  {
    path: '',
    title: AREAS.professionals.label,
    loadComponent: () => import('./professionals-page').then((m) => m.ProfessionalsPage),
  },
  {
    path: ':id',
    title: 'Fiche professionnel',
    loadComponent: () => import('./professional-detail-page').then((m) => m.ProfessionalDetailPage),
  },
];
