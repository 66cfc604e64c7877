import { Logger } from '@nestjs/common';

import { makeTempDataDir, startEmbeddedPostgres } from '../src/database/embedded-postgres';

/** Starts one embedded PostgreSQL for the test run (unless DATABASE_URL points at a server). */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_ADMIN_URL']) return;
  if (process.env['DATABASE_URL']) {
    process.env['TEST_DATABASE_ADMIN_URL'] = process.env['DATABASE_URL'];
    return;
  }
  const dataDir = makeTempDataDir('maillage-test-');
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    logger: new Logger('TestPostgres'),
  });
  process.env['TEST_DATABASE_ADMIN_URL'] = server.url('postgres');
  Object.assign(globalThis, { __MAILLAGE_PG__: { server, dataDir } });
}
