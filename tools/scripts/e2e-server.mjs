// The server of the Playwright tests: the built app on a fresh embedded database with demo data,
// on port 3100 (E2E_PORT). Its data directory is removed when it stops.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { apiMain, root, runNode } from './lib.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'maillage-e2e-'));
chmodSync(dataDir, 0o755);
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_DATA: 'true',
  LOG_LEVEL: 'warn',
  LOGIN_RATE_LIMIT: '1000',
  LOGIN_ADDRESS_LIMIT: '1000',
  LOGIN_ACCOUNT_LIMIT: '1000',
  // Browsers and the server share two cores: a slow page must not become a 503.
  REQUEST_TIMEOUT_MS: '30000',
  DB_STATEMENT_TIMEOUT_MS: '20000',
  // Six hand-drawn communes (never the real contours, which are not committed): the map draws them.
  COMMUNE_CONTOURS_SOURCE: join(root, 'apps', 'web-e2e', 'fixtures', 'communes-77-mini.geojson'),
};
delete env.DATABASE_URL;
runNode(apiMain, [], env, () => rmSync(dataDir, { recursive: true, force: true }));
