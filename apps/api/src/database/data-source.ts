import 'reflect-metadata';

import { DataSource, type DataSourceOptions } from 'typeorm';

import { IdempotencySubscriber } from '../common/http/idempotency/idempotency.subscriber';
import { RequestDeadlineSubscriber } from '../common/http/request-deadline.subscriber';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';
import { type DatabaseTimeouts, poolOptions } from './timeouts';

/**
 * The one definition of the database connection, for the app, the CLI and the tests. The app
 * passes its timeouts; tools that run long statements (migrations, generators) pass none.
 */
export function dataSourceOptions(url: string, timeouts: DatabaseTimeouts | null = null): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    subscribers: [RequestDeadlineSubscriber, IdempotencySubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: 'maillage',
    extra: { max: 10, ...poolOptions(timeouts) },
  };
}

/** For the TypeORM CLI: `DATABASE_URL=… npx typeorm-ts-node-commonjs -d apps/api/src/database/data-source.ts`. */
export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://localhost/maillage'));
