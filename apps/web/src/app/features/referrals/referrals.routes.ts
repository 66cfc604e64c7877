import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { AREAS } from '../../core/navigation/areas';

/** `/signalements`, `/signalements/nouveau` and `/signalements/:id` (lazy). */
export const referralsRoutes: Route[] = [
  {
    path: '',
    title: AREAS.referrals.label,
    loadComponent: () => import('./referrals-page').then((m) => m.ReferralsPage),
  },
  {
    path: 'nouveau',
    title: 'Signaler un candidat MSU',
    canActivate: [permissionGuard('referrals.create')],
    loadComponent: () => import('./referral-form-page').then((m) => m.ReferralFormPage),
  },
  {
    path: ':id',
    title: 'Signalement',
    loadComponent: () => import('./referral-detail-page').then((m) => m.ReferralDetailPage),
  },
];
