/**
 * Load benchmark: `npm run bench:load` (about 5 minutes).
 *
 * A fresh embedded PostgreSQL holds the national dataset (`national-dataset.ts`: every
 * département of France, its communes, sites, professionals, accreditations, referrals, intents).
 * The real API, configured as in production (timeouts, request deadline, pool), serves 200
 * concurrent clients (autocannon, in a worker thread) for 60 s: a mix of the registry's list
 * screens, a dashboard, a professional's file and creates (one request in five writes). The
 * figures go to docs/benchmarks.md, in its "Load" section; any error or non-2xx answer fails the run.
 */
import { Logger } from '@nestjs/common';
import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { createApp } from '../../apps/api/src/bootstrap';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/scope/territory-scope';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { TerritoryLoaderService } from '../../apps/api/src/territory/territory-loader.service';
import { UsersService } from '../../apps/api/src/users/users.service';
import { allDepartementCodes } from './dataset-cache';
import { writeDocSection } from './doc-section';
import { countDataset, generateNationalDataset } from './national-dataset';
import { openScratchDatabase } from './scratch-database';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 200);
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 60);
const SITES = Number(process.env['BENCH_SITES_PER_DEPARTEMENT'] ?? 500);
const PROFESSIONALS = Number(process.env['BENCH_PROFESSIONALS_PER_DEPARTEMENT'] ?? 2000);
const PASSWORD = 'Charge-nationale-Provins-1848';
/** Keeps the dataset between runs (it takes minutes to build): a directory of your choice. */
const KEEP_DIR = process.env['BENCH_DATA_DIR'];
const START = '<!-- load-bench:start -->';
const END = '<!-- load-bench:end -->';

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const { url, ds, close } = await openScratchDatabase({
    prefix: 'maillage-load-',
    database: 'load',
    keepDir: KEEP_DIR,
  });
  try {
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'error', TERRITORY_DEPARTEMENTS: '77' });
    const codes = allDepartementCodes();
    const built = Number((await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM training_sites'))[0].n) > 0;
    if (!built) {
      await new TerritoryLoaderService(ds, config).load(codes);
      await generateNationalDataset(ds, {
        sitesPerDepartement: SITES,
        professionalsPerDepartement: PROFESSIONALS,
        departements: codes,
      });
    }
    const dataset = await countDataset(ds);
    await ds.destroy();

    const app = await createApp(config, url, { quiet: true });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const users = app.get(UsersService);
    await users
      .create(SYSTEM_ACTOR, {
        email: 'charge.load@bench.maillage.fr',
        displayName: 'Charge nationale',
        role: 'mission_officer',
        departementCode: '77',
        password: PASSWORD,
      })
      .catch(() => undefined); // already there when the dataset is kept
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'charge.load@bench.maillage.fr', password: PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const [professional] = await app
      .get(DataSource)
      .query<{ id: string }[]>(`SELECT id FROM professionals WHERE departement_code = '77' LIMIT 1`);

    const create = {
      method: 'POST' as const,
      path: '/api/professionals',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Charge', lastName: 'Benchmark', specialty: 'Médecine générale' }),
    };
    const requests = [
      { method: 'GET' as const, path: '/api/sites?status=active&sort=name:asc' },
      { method: 'GET' as const, path: '/api/professionals?msuStage=active' },
      create,
      { method: 'GET' as const, path: '/api/sites?q=medical%201' },
      { method: 'GET' as const, path: `/api/professionals/${professional.id}` },
      { method: 'GET' as const, path: '/api/accreditations?validity=expiring_soon' },
      { method: 'GET' as const, path: '/api/candidate-referrals' },
      create,
      { method: 'GET' as const, path: '/api/installation-intents' },
      { method: 'GET' as const, path: '/api/dashboard' },
    ];
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      workers: 1,
      headers: { authorization: `Bearer ${token}` },
      requests,
    });
    await app.close();

    const codesSeen = Object.entries(result.statusCodeStats ?? {})
      .map(([code, s]) => `${code}: ${(s as { count: number }).count}`)
      .join(', ');
    const errors = result.errors + result.timeouts + result.non2xx;
    const date = new Date().toISOString().slice(0, 10);
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const section = `${START}
## Load: 200 concurrent clients on the national dataset

\`npm run bench:load\` (tools/bench/load-bench.ts), run on ${date} on the development machine (2 cores
shared by PostgreSQL, the API, the load generator and whatever else ran: load average ${load} at the end). Dataset: ${dataset.departements} départements,
${dataset.communes} communes, ${dataset.sites} sites, ${dataset.professionals} professionals,
${dataset.accreditations} accreditations, ${dataset.referrals} referrals. The API runs with the production
settings (database timeouts, ${config.REQUEST_TIMEOUT_MS} ms request deadline, pool of 10 connections);
${CONNECTIONS} clients (autocannon) send, for ${DURATION_S} s, the registry lists, a professional's file,
the dashboard and creates of professionals (2 requests in 10 are writes), as a mission officer of the 77.

| requests | req/s | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors + timeouts + non-2xx |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${result.requests.total} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.latency.max} | ${errors} |

Status codes: ${codesSeen}.
${END}`;
    await writeDocSection(join(process.cwd(), 'docs', 'benchmarks.md'), START, END, section);
    process.stdout.write(`${section}\n`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
