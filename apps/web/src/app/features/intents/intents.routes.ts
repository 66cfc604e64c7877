import type { Route } from '@angular/router';
import { AREAS } from '../../core/navigation/areas';

export const intentsRoutes: Route[] = [
  {
    path: '',
    title: AREAS.intents.label,
    loadComponent: () => import('./intents-page').then((m) => m.IntentsPage),
  },
];
