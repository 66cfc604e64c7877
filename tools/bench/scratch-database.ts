/**
 * A migrated database on an embedded PostgreSQL of its own, for one benchmark run: in a
 * temporary directory removed at the end, or in `keepDir` (kept between runs).
 */
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { ensureDatabase } from '../../apps/api/src/database/database-target';
import { makeTempDataDir, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { migrate } from '../../apps/api/src/database/migrate';

export interface ScratchDatabase {
  url: string;
  /** Connected to `url`; the caller destroys it when it is done with it. */
  ds: DataSource;
  /** Stops the server and removes a temporary directory. */
  close(): Promise<void>;
}

export async function openScratchDatabase(options: {
  prefix: string;
  database: string;
  keepDir?: string;
}): Promise<ScratchDatabase> {
  const dataDir = options.keepDir ?? makeTempDataDir(options.prefix);
  const server = await startEmbeddedPostgres({ dataDir, persistent: options.keepDir !== undefined });
  const close = async () => {
    await server.stop();
    if (options.keepDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await ensureDatabase(server.url('postgres'), options.database);
    const url = server.url(options.database);
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    await migrate(ds);
    return { url, ds, close };
  } catch (error) {
    await close();
    throw error;
  }
}
