/**
 * The national dataset of the benchmark, built once and kept on disk: an embedded PostgreSQL in
 * `BENCH_DATA_DIR` (default `tmp/bench`) whose database `bench_national` holds every département
 * of France (national-dataset.ts and fieldwork-dataset.ts) and the benchmark's user. It is rebuilt
 * when the generators change, when its sizes are changed, or when it holds a migration the code
 * does not know (another branch); new migrations are applied to it. Each run works on a fresh copy
 * (`bench_run`), so that the writes a run makes never reach the next one.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { PasswordHasher } from '../../apps/api/src/auth/password-hasher';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { dataSourceOptions } from '../../apps/api/src/database/data-source';
import { type EmbeddedServer, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { migrate } from '../../apps/api/src/database/migrate';
import { TerritoryLoaderService } from '../../apps/api/src/territory/territory-loader.service';
import { fillFieldwork } from './fieldwork-dataset';
import { countDataset, type DatasetCounts, generateNationalDataset } from './national-dataset';

export const BENCH_USER = { email: 'bench.mo@bench.maillage.fr', password: 'benchmark-password-77' };

const TEMPLATE = 'bench_national';
const RUN = 'bench_run';
const SITES = Number(process.env['BENCH_SITES_PER_DEPARTEMENT'] ?? 500);
const PROFESSIONALS = Number(process.env['BENCH_PROFESSIONALS_PER_DEPARTEMENT'] ?? 2000);

export type DatasetSizes = DatasetCounts<'visits' | 'accessIssues'>;

export interface BenchDatabase {
  server: EmbeddedServer;
  /** The fresh copy this run works on. */
  runUrl: string;
  sizes: DatasetSizes;
  /** Seconds spent building the dataset (0 when it was reused). */
  buildSeconds: number;
}

export const allDepartementCodes = (): string[] =>
  (require('@etalab/decoupage-administratif/data/departements.json') as { code: string }[]).map((d) => d.code);

/** Starts the cached cluster, (re)builds the national dataset when needed and copies it for this run. */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const dir = resolve(process.env['BENCH_DATA_DIR'] ?? join('tmp', 'bench'));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  try {
    const fingerprint = datasetFingerprint();
    const stampFile = join(dir, 'dataset.json');
    const stamp = existsSync(stampFile)
      ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { fingerprint: string; sizes: DatasetSizes })
      : null;
    let sizes = stamp?.fingerprint === fingerprint ? stamp.sizes : null;
    let buildSeconds = 0;
    if (sizes && !(await upToDate(server))) sizes = null;
    if (!sizes) {
      log(`Building the national dataset (${SITES} sites, ${PROFESSIONALS} professionals per département)…`);
      const started = Date.now();
      sizes = await buildTemplate(server);
      buildSeconds = Math.round((Date.now() - started) / 1000);
      writeFileSync(stampFile, JSON.stringify({ fingerprint, sizes }, null, 2));
      log(`National dataset built in ${buildSeconds} s.`);
    }
    await admin(server, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${RUN} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${RUN} TEMPLATE ${TEMPLATE} STRATEGY = FILE_COPY`);
    });
    return { server, runUrl: server.url(RUN), sizes, buildSeconds };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

function datasetFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['national-dataset.ts', 'fieldwork-dataset.ts', 'dataset-cache.ts']) {
    hash.update(readFileSync(join(__dirname, file)));
  }
  return hash.update(`${SITES}/${PROFESSIONALS}`).digest('hex');
}

async function admin<T>(server: EmbeddedServer, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server.url('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Applies the new migrations to the kept dataset; false when it holds one the code does not know. */
async function upToDate(server: EmbeddedServer): Promise<boolean> {
  const exists = await admin(server, (c) => c.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]));
  if (exists.rowCount === 0) return false;
  const ds = new DataSource(dataSourceOptions(server.url(TEMPLATE)));
  await ds.initialize();
  try {
    const known = new Set(ds.migrations.map((m) => m.name ?? m.constructor.name));
    const done = await ds.query<{ name: string }[]>('SELECT name FROM migrations');
    if (done.some((m) => !known.has(m.name))) return false;
    const applied = await migrate(ds);
    if (applied.length > 0) await ds.query('VACUUM ANALYZE');
    return true;
  } finally {
    await ds.destroy();
  }
}

async function buildTemplate(server: EmbeddedServer): Promise<DatasetSizes> {
  await admin(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  const ds = new DataSource(dataSourceOptions(server.url(TEMPLATE)));
  await ds.initialize();
  try {
    await migrate(ds);
    const codes = allDepartementCodes();
    await new TerritoryLoaderService(ds, loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' })).load(codes);
    // The 77 first, as a real national database would have grown.
    for (const batch of [['77'], codes.filter((c) => c !== '77')]) {
      await generateNationalDataset(ds, {
        sitesPerDepartement: SITES,
        professionalsPerDepartement: PROFESSIONALS,
        departements: batch,
      });
      await fillFieldwork(ds, batch);
    }
    await ds.query(
      `INSERT INTO users (version, email, display_name, role, departement_code, password_hash)
       VALUES (1, $1, 'Chargée de mission (benchmark)', 'mission_officer', '77', $2)`,
      [BENCH_USER.email, await new PasswordHasher().hash(BENCH_USER.password)],
    );
    await ds.query('VACUUM ANALYZE');
    return await countDataset(ds, { visits: 'site_visits', accessIssues: 'access_issues' });
  } finally {
    await ds.destroy();
  }
}
