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
  // A second server that `database-faults.int.spec.ts` freezes and kills (supervised, restarted).
  const faultsDir = makeTempDataDir('maillage-faults-');
  const faults = await startEmbeddedPostgres({
    dataDir: faultsDir,
    persistent: false,
    logger: new Logger('FaultsPostgres'),
  });
  process.env['TEST_FAULTS_ADMIN_URL'] = faults.url('postgres');
  process.env['TEST_FAULTS_DATA_DIR'] = faultsDir;
  Object.assign(globalThis, { __MAILLAGE_PG__: { server, dataDir, faults, faultsDir } });
}
