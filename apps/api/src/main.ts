import { Logger } from '@nestjs/common';

import { createApp, findWebRoot, prepareData } from './bootstrap';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { RuntimeInfo } from './config/runtime-info';
import { resolveDatabase } from './database/database-target';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/demo-seed.service';
import { mailBannerLine } from './mail/mail-transport';
import { NotificationsScheduler } from './notifications/notifications-scheduler';
import { RetentionScheduler } from './personal-data/retention-scheduler';
import { ReminderScheduler } from './tasks/reminders/reminder-scheduler';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Maillage');
  const config = loadConfig();
  const target = await resolveDatabase(config);
  const webRoot = findWebRoot(config);
  if (!webRoot) logger.warn('Tableau de bord non construit : seule l’API est servie (npm run build).');
  const app = await createApp(config, target.url, { embedded: target.embedded !== null, webRoot });
  const demo = await prepareData(app, config, target);
  app.get(RuntimeInfo).demo = demo;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} reçu : arrêt`);
    await app.close();
    await target.embedded?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.PORT, config.HOST);
  // After listening, so that a slow first run never delays the start; stopped by `app.close()`.
  app.get(ReminderScheduler).start();
  app.get(NotificationsScheduler).start();
  app.get(RetentionScheduler).start();
  const url = `http://localhost:${config.PORT}`;
  const lines = [
    '',
    `  Maillage est prêt : ${url}`,
    `  API : ${url}/api   ·   documentation : ${config.API_DOCS_ENABLED ? `${url}/api/docs` : 'désactivée'}`,
    `  Base : ${target.embedded ? `PostgreSQL embarqué (${config.DATA_DIR})` : 'DATABASE_URL'}`,
    `  ${mailBannerLine(config)}`,
  ];
  if (demo) {
    lines.push(`  Comptes de démonstration (mot de passe « ${DEMO_PASSWORD} ») :`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    - ${account.email.padEnd(36)} ${account.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigValidationError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`Maillage n’a pas pu démarrer :\n${message}\n`);
  process.exit(1);
});
