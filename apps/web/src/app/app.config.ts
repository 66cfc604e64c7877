import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import {
  type ApplicationConfig,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { CURRENT_ROLE } from '@maillage/web/util';
import { appRoutes } from './app.routes';
import { AuthStore } from './core/auth/auth.store';
import { unauthorizedInterceptor } from './core/auth/unauthorized.interceptor';
import { MaillageTitleStrategy } from './core/navigation/title-strategy';

registerLocaleData(localeFr);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(withFetch(), withInterceptors([unauthorizedInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: MaillageTitleStrategy },
    { provide: LOCALE_ID, useValue: 'fr' },
    // The libraries ask the one permission map about the signed-in user's role.
    { provide: CURRENT_ROLE, useFactory: () => inject(AuthStore).role },
    // Who is signed in is asked at start, while the route's chunks load (the guards then reuse
    // the answer); the start does not wait for it.
    provideAppInitializer(() => {
      void inject(AuthStore).ensureLoaded();
    }),
  ],
};
