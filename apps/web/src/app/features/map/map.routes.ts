import type { Routes } from '@angular/router';

/** `/carte`: the map (Leaflet is loaded with this route only). */
export const mapRoutes: Routes = [{ path: '', loadComponent: () => import('./map-page').then((m) => m.MapPage) }];
