import { rmSync } from 'node:fs';

import type { EmbeddedServer } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const started = (
    globalThis as {
      __MAILLAGE_PG__?: { server: EmbeddedServer; dataDir: string; faults: EmbeddedServer; faultsDir: string };
    }
  ).__MAILLAGE_PG__;
  if (!started) return;
  await started.server.stop();
  await started.faults.stop();
  rmSync(started.dataDir, { recursive: true, force: true });
  rmSync(started.faultsDir, { recursive: true, force: true });
}
