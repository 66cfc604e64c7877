import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const LOCK_KEY = 772_023; // any constant shared by every instance of the app

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that two instances starting
 * at once do not both migrate.
 */
export async function migrate(dataSource: DataSource, logger = new Logger('Migrations')): Promise<string[]> {
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
