/**
 * Registry list benchmark: `npm run bench:registry` (about 3 minutes).
 *
 * 1. A fresh embedded PostgreSQL with auto_explain, migrated; the 77 alone, filled with a
 *    département-sized registry (phase "77").
 * 2. The real API (same app as production) answers the main list requests of a 77 user:
 *    latency p50/p95 over sequential requests, throughput with 10 concurrent clients.
 * 3. Every other département of France is loaded and filled the same way (phase "France"), and
 *    the same requests are measured again. With indexes the 77 pages should not slow down:
 *    the ratio France / 77 is the figure that matters (the machine's noise cancels out).
 * 4. One request per endpoint with auto_explain on: the plans go to docs/explain-plans.md,
 *    the figures to docs/benchmarks.md. A sequential scan on a business table is reported.
 */
import { Logger } from '@nestjs/common';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { createApp } from '../../apps/api/src/bootstrap';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/scope/territory-scope';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { ensureDatabase } from '../../apps/api/src/database/database-target';
import { makeTempDataDir, startEmbeddedPostgres } from '../../apps/api/src/database/embedded-postgres';
import { migrate } from '../../apps/api/src/database/migrate';
import { TerritoryLoaderService } from '../../apps/api/src/territory/territory-loader.service';
import { UsersService } from '../../apps/api/src/users/users.service';
import { generateNationalDataset, type NationalDatasetReport } from './national-dataset';

const SITES = Number(process.env['BENCH_SITES_PER_DEPARTEMENT'] ?? 500);
const PROFESSIONALS = Number(process.env['BENCH_PROFESSIONALS_PER_DEPARTEMENT'] ?? 2000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 60);
const PASSWORD = 'benchmark-password-77';

/** The list requests of the registry screens, as a user of the 77 sends them. */
const ENDPOINTS: { name: string; path: string }[] = [
  { name: 'Terrains d’une commune', path: '/api/sites?commune=77288' },
  { name: 'Terrains actifs, triés par nom', path: '/api/sites?status=active&sort=name:asc' },
  { name: 'Terrains : recherche « medical 1 »', path: '/api/sites?q=medical%201' },
  { name: 'Terrains offrant du SASPAS', path: '/api/sites?stageType=SASPAS' },
  { name: 'Professionnels MSU actifs', path: '/api/professionals?msuStage=active' },
  { name: 'Professionnels : recherche par nom', path: '/api/professionals?q=nom7712' },
  { name: 'Agréments expirant bientôt', path: '/api/accreditations?validity=expiring_soon' },
  { name: 'Signalements (nouveaux d’abord)', path: '/api/candidate-referrals' },
  { name: 'Intentions d’installation', path: '/api/installation-intents' },
  { name: 'Communes : recherche « saint »', path: '/api/communes?q=saint' },
];

interface Measure {
  p50: number;
  p95: number;
  rps: number;
  total: number;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const plans: string[] = [];
  let capture = false;
  const dataDir = makeTempDataDir('maillage-bench-');
  const server = await startEmbeddedPostgres({
    dataDir,
    persistent: false,
    settings: {
      shared_preload_libraries: 'auto_explain',
      'auto_explain.log_min_duration': '0',
      'auto_explain.log_analyze': 'on',
      'auto_explain.log_buffers': 'on',
      'auto_explain.log_timing': 'off',
      log_min_messages: 'warning',
      client_min_messages: 'warning',
      'auto_explain.log_level': 'log',
    },
    onLog: (message) => {
      if (capture && message.includes('plan:')) plans.push(message);
    },
  });
  try {
    await ensureDatabase(server.url('postgres'), 'bench');
    const url = server.url('bench');
    const ds = new DataSource((await import('../../apps/api/src/database/data-source')).dataSourceOptions(url));
    await ds.initialize();
    await migrate(ds);
    // auto_explain is loaded for every session; keep it quiet except while capturing.
    await ds.query(`ALTER DATABASE bench SET auto_explain.log_min_duration = -1`);
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '100000',
      TERRITORY_DEPARTEMENTS: '77',
    });
    const loader = new TerritoryLoaderService(ds, config);
    await loader.load(['77']);
    const small = await generateNationalDataset(ds, {
      sitesPerDepartement: SITES,
      professionalsPerDepartement: PROFESSIONALS,
      departements: ['77'],
    });

    const app = await createApp(config, url, { quiet: true });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const users = app.get(UsersService);
    await users.create(SYSTEM_ACTOR, {
      email: 'bench.mo@bench.maillage.fr',
      displayName: 'Bench',
      role: 'mission_officer',
      departementCode: '77',
      password: PASSWORD,
    });
    const token = await login(base, 'bench.mo@bench.maillage.fr');

    const phase77 = await measureAll(base, token);

    const allCodes = (
      (await import('@etalab/decoupage-administratif/data/departements.json')) as unknown as {
        default: { code: string }[];
      }
    ).default.map((d) => d.code);
    await loader.load(allCodes);
    const national = await generateNationalDataset(ds, {
      sitesPerDepartement: SITES,
      professionalsPerDepartement: PROFESSIONALS,
      departements: allCodes.filter((c) => c !== '77'),
    });
    const phaseFrance = await measureAll(base, token);

    await ds.query(`ALTER DATABASE bench SET auto_explain.log_min_duration = 0`);
    await app.close();
    const explainApp = await createApp(config, url, { quiet: true });
    await explainApp.listen(0, '127.0.0.1');
    const explainBase = `http://127.0.0.1:${(explainApp.getHttpServer().address() as AddressInfo).port}`;
    const explainToken = await login(explainBase, 'bench.mo@bench.maillage.fr');
    const planByEndpoint = new Map<string, string[]>();
    for (const endpoint of ENDPOINTS) {
      capture = true;
      plans.length = 0;
      await request(explainBase, endpoint.path, explainToken);
      await new Promise((r) => setTimeout(r, 300));
      capture = false;
      planByEndpoint.set(
        endpoint.name,
        plans.filter((p) => !p.includes('FROM "sessions"') && !p.includes('pg_')).map(cleanPlan),
      );
    }
    await explainApp.close();
    await ds.destroy();
    writeReports(small, national, phase77, phaseFrance, planByEndpoint);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function request(base: string, path: string, token: string): Promise<{ ms: number; total: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { total?: number };
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, total: body.total ?? 0 };
}

async function measureAll(base: string, token: string): Promise<Map<string, Measure>> {
  const result = new Map<string, Measure>();
  for (const endpoint of ENDPOINTS) {
    for (let i = 0; i < 5; i++) await request(base, endpoint.path, token);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await request(base, endpoint.path, token);
      times.push(r.ms);
      total = r.total;
    }
    times.sort((a, b) => a - b);
    const started = Date.now();
    let done = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (Date.now() - started < 2000) {
          await request(base, endpoint.path, token);
          done++;
        }
      }),
    );
    result.set(endpoint.name, {
      p50: times[Math.floor(times.length * 0.5)],
      p95: times[Math.floor(times.length * 0.95)],
      rps: done / ((Date.now() - started) / 1000),
      total,
    });
  }
  return result;
}

function cleanPlan(message: string): string {
  return message
    .split('\n')
    .map((line) => line.replace(/^.*?LOG:\s+/, '').trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n');
}

function writeReports(
  small: NationalDatasetReport,
  national: NationalDatasetReport,
  phase77: Map<string, Measure>,
  phaseFrance: Map<string, Measure>,
  plans: Map<string, string[]>,
): void {
  const date = new Date().toISOString().slice(0, 10);
  const f = (n: number) => n.toFixed(1).replace('.', ',');
  const rows = ENDPOINTS.map(({ name, path }) => {
    const a = phase77.get(name) as Measure;
    const b = phaseFrance.get(name) as Measure;
    return `| ${name} | \`${path}\` | ${b.total} | ${f(a.p50)} | ${f(b.p50)} | ${f(b.p95)} | ${Math.round(b.rps)} | ${(b.p50 / a.p50).toFixed(2).replace('.', ',')} |`;
  });
  const seqScans = [...plans].flatMap(([name, list]) =>
    list.some((p) =>
      /Seq Scan on (training_sites|professionals|accreditations|candidate_referrals|installation_intents|site_capacities)\b/.test(
        p,
      ),
    )
      ? [name]
      : [],
  );
  const benchmarks = `# Benchmarks

Figures from \`npm run bench:registry\` (tools/bench/registry-bench.ts), run on ${date} on the
development machine (2 cores, shared and noisy: compare ratios, not absolute times).

## Registry lists: a département's pages on a national dataset

Phase "77": the 77 alone (${small.communes} communes, ${small.sites} sites, ${small.professionals} professionals,
${small.accreditations} accreditations). Phase "France": every département loaded and filled the same way
(${national.departements} départements, ${national.communes} communes, ${national.sites} sites,
${national.professionals} professionals, ${national.accreditations} accreditations, ${national.referrals} referrals).
Each request is made by a mission officer of the 77 through the real API (authentication, validation,
JSON), ${REQUESTS} sequential requests for the latencies, then 10 concurrent clients for 2 s.

| list | request | rows matched | p50 77 (ms) | p50 France (ms) | p95 France (ms) | req/s France | France / 77 |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

A ratio near 1 means the page costs the same whatever the size of the national table: the
query reaches the 77's rows through an index. Plans: [explain-plans.md](explain-plans.md).
${seqScans.length ? `\n**Sequential scans on a business table** in: ${seqScans.join(', ')}.\n` : '\nNo sequential scan on a business table in any of these plans.\n'}`;
  // Other benchmarks keep their own section of the file (e.g. `npm run bench:rpps`).
  const doc = join(process.cwd(), 'docs', 'benchmarks.md');
  const previous = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const other = previous.indexOf('<!-- rpps-bench:start -->');
  writeFileSync(doc, other >= 0 ? `${benchmarks}\n${previous.slice(other)}` : benchmarks);
  const explain = `# EXPLAIN plans of the main list queries

Captured by auto_explain (ANALYZE, BUFFERS) while the API served each request of a 77 user on
the national dataset of [benchmarks.md](benchmarks.md) (${date}). Generated by \`npm run bench:registry\`.

${[...plans].map(([name, list]) => `## ${name}\n\n${list.map((p) => '```\n' + p + '\n```').join('\n\n')}`).join('\n\n')}
`;
  writeFileSync(join(process.cwd(), 'docs', 'explain-plans.md'), explain);
  process.stdout.write(benchmarks);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
