import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import {
  type ApplicationConfig,
  inject,
  LOCALE_ID,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideFrenchMaterial } from '@maillage/web/ui';
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
    // Dates, date picker and paginator in French, once for the whole app.
    provideFrenchMaterial(),
    // The libraries ask the one permission map about the signed-in user's role.
    { provide: CURRENT_ROLE, useFactory: () => inject(AuthStore).role },
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } },
  ],
};
