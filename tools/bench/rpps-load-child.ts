/**
 * One load of an extract with Maillage's loader, in its own process so that its peak memory is
 * its own: `node … rpps-load-child.ts <database url> <file> <départements>`; prints JSON.
 */
import { createReadStream } from 'node:fs';
import { DataSource } from 'typeorm';

import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { loadRppsExtract } from '../../apps/api/src/rpps/loader/rpps-loader';

async function main(): Promise<void> {
  const [url, file, departements] = process.argv.slice(2);
  const ds = new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } });
  await ds.initialize();
  const started = process.hrtime.bigint();
  const result = await loadRppsExtract(ds, createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }), {
    departements: departements.split(','),
    statementTimeoutMs: 600_000,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await ds.destroy();
  process.stdout.write(`${JSON.stringify({ ms, result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
