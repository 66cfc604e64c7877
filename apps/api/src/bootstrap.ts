import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';

import { AppModule } from './app.module';
import { useWebDelivery } from './common/http/static-delivery';
import type { AppConfig } from './config/app-config';
import { RuntimeInfo } from './config/runtime-info';
import { configureApp } from './configure-app';
import type { DatabaseTarget } from './database/database-target';
import { migrate } from './database/migrate';
import { DemoSeedService } from './demo/demo-seed.service';
import { ContoursLoaderService } from './territory/contours-loader.service';
import { TerritoryLoaderService } from './territory/territory-loader.service';

export const APP_VERSION = '0.1.0';

/** Builds the Nest app on a database, configured exactly as in production. */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  options: { demo?: boolean; embedded?: boolean; webRoot?: string | null; bufferLogs?: boolean; quiet?: boolean } = {},
): Promise<INestApplication> {
  const module = AppModule.forRoot({
    config,
    databaseUrl,
    runtime: new RuntimeInfo(options.demo ?? false, APP_VERSION, options.embedded ?? false),
  });
  const app = await NestFactory.create(module, {
    bufferLogs: options.bufferLogs ?? true,
    bodyParser: false,
    abortOnError: false,
    ...(options.quiet ? { logger: false } : {}),
  });
  if (!options.quiet) app.useLogger(app.get(PinoLogger));
  configureApp(app, config);
  useWebDelivery(app, options.webRoot ?? null);
  return app;
}

/**
 * Brings the database to the state the app needs: migrations, the territory of the configured
 * départements, demo data when asked (or on the first start of the embedded database),
 * commune contours when a source is configured.
 */
export async function prepareData(app: INestApplication, config: AppConfig, target: DatabaseTarget): Promise<boolean> {
  const logger = new Logger('Startup');
  await migrate(app.get(DataSource));
  await app.get(TerritoryLoaderService).load();
  const demo = app.get(DemoSeedService);
  const wantDemo =
    config.DEMO_DATA === 'true' ||
    (config.DEMO_DATA === 'auto' && target.embedded !== null && (target.firstStart || (await demo.isSeeded())));
  if (wantDemo) await demo.seed(config.TERRITORY_DEPARTEMENTS[0]);
  if (config.COMMUNE_CONTOURS_SOURCE) {
    try {
      await app.get(ContoursLoaderService).loadFrom(config.COMMUNE_CONTOURS_SOURCE);
    } catch (error) {
      logger.warn(`Contours des communes non chargés : ${(error as Error).message}`);
    }
  } else {
    logger.log('Aucune source de contours (COMMUNE_CONTOURS_SOURCE) : la carte montrera les sites sans les communes.');
  }
  return wantDemo;
}

/** Loads the demo data of a département (tests and tools use it without knowing where the seed lives). */
export async function seedDemoData(app: INestApplication, departementCode: string): Promise<void> {
  await app.get(DemoSeedService).seed(departementCode);
}

/** The built dashboard beside the API bundle (dist/apps/web/browser), if present. */
export function findWebRoot(config: AppConfig): string | null {
  const candidates = config.WEB_DIST_DIR ? [resolve(config.WEB_DIST_DIR)] : [join(__dirname, '..', 'web', 'browser')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}
