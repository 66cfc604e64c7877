import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

const LOCK_KEY = 772_023; // any constant shared by every instance of the app

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that two instances starting
 * at once do not both migrate.
 */
export async function migrate(appDataSource: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
  // The app's connections cancel long statements; a migration (an index on a large table) may
  // legitimately take long: it runs on a connection of its own, without those timeouts.
  const extra = { ...(appDataSource.options as { extra?: Record<string, unknown> }).extra };
  const timed = 'stall_timeout' in extra;
  const dataSource = timed
    ? new DataSource({ ...appDataSource.options, extra: { max: 2 } } as typeof appDataSource.options)
    : appDataSource;
  if (timed) await dataSource.initialize();
  try {
    return await migrateWith(dataSource, logger);
  } finally {
    if (timed) await dataSource.destroy();
  }
}

async function migrateWith(dataSource: DataSource, logger: Logger): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length > 0) logger.log(`Migrations appliquées : ${done.map((m) => m.name).join(', ')}`);
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
