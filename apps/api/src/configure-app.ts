import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { DataSource } from 'typeorm';

import { HttpErrorFilter } from './common/errors/http-error.filter';
import { apiHeaders } from './common/http/api-headers';
import { IdempotencyInterceptor } from './common/http/idempotency/idempotency.interceptor';
import { IdempotencyStore } from './common/http/idempotency/idempotency.store';
import { ifMatchToVersion } from './common/http/if-match.middleware';
import { checkUrlText, jsonBody } from './common/http/json-body';
import { requestDeadline } from './common/http/request-deadline';
import { requestErrors } from './common/http/request-errors';
import { sameOriginWrites } from './common/http/same-origin';
import { createValidationPipe } from './common/http/validation';
import type { AppConfig } from './config/app-config';

/** Everything the app needs around its modules; shared by `main.ts` and the integration tests. */
export function configureApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  if (config.TRUST_PROXY) {
    const value = /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY;
    express.set('trust proxy', value);
  }
  express.disable('x-powered-by');
  app.setGlobalPrefix('api');
  // Order matters: headers first, so that every answer (errors of the parser included) has them;
  // then the request-level checks, whose errors `requestErrors` answers before any route runs.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'script-src': ["'self'"],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          // Deployments on a plain-HTTP intranet must keep working.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(apiHeaders);
  app.use(requestDeadline(config.REQUEST_TIMEOUT_MS, config.BULK_REQUEST_TIMEOUT_MS));
  app.use(cookieParser());
  app.use(sameOriginWrites);
  app.use(checkUrlText);
  app.use(jsonBody);
  app.use(ifMatchToVersion);
  app.use(requestErrors);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new IdempotencyInterceptor(new IdempotencyStore(app.get(DataSource))));
  app.useGlobalFilters(new HttpErrorFilter());
  if (config.API_DOCS_ENABLED) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Maillage API')
        .setDescription('Terrains de stage ambulatoires, MSU, signalements CDOM et comités — conventions : API.md')
        .setVersion('0.1.0')
        .addBearerAuth()
        .addCookieAuth('maillage_session')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
}
