/**
 * `npm run bench`: the API against raw PostgreSQL on the national dataset, and the browser side.
 *
 * 1. Builds the API and the dashboard (Nx cache), then opens the national dataset (dataset-cache.ts:
 *    built once, kept in tmp/bench) and copies it for this run.
 * 2. Starts the built API with its SQL traced and captures the statements of each measured request
 *    (endpoints.ts), then starts the API again without the trace, and the raw handler replaying them.
 * 3. Drives both with autocannon, interleaved, at 10 and 50 connections (load.ts).
 * 4. Lighthouse on the dashboard, the sites list and a site page, and the initial JavaScript's weight.
 * 5. Writes docs/benchmarks.md and docs/explain-plans.md and prints the table.
 *
 * Settings: BENCH_SECONDS (5 per run), BENCH_ROUNDS (2: API, raw, raw, API), BENCH_LIGHTHOUSE_RUNS (3,
 * 0 to skip), BENCH_SKIP_BUILD=1, BENCH_DATA_DIR (tmp/bench), BENCH_ONLY=sites,map (a subset, not written),
 * BENCH_CPU_PROFILE=<dir> (the API runs with `node --cpu-prof`; summary: profile-summary.ts),
 * BENCH_DIST=<dir> (measure another build, e.g. an older commit's; implies BENCH_SKIP_BUILD),
 * BENCH_DOC=<file> (where the report goes; default docs/benchmarks.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

import { BENCH_USER, openBenchDatabase } from './dataset-cache';
import { type BenchContext, captureAll, type Captured, ENDPOINTS, PatchTargets } from './endpoints';
import { drive, type LoadSample } from './load';
import { startApi, startRaw } from './processes';
import { statementCount } from './replay';
import { figures, type PageScore, type Row, table, writeBenchmarks, writePlans } from './report';
import { initialJavaScript, lighthouse } from './web-delivery';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const LIGHTHOUSE_RUNS = Number(process.env['BENCH_LIGHTHOUSE_RUNS'] ?? 3);
const ONLY = process.env['BENCH_ONLY']?.split(',');
const CONNECTIONS = [10, 50];
const root = join(__dirname, '..', '..');
const work = resolve(process.env['BENCH_DATA_DIR'] ?? join(root, 'tmp', 'bench'));

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const loadStart = loadavg();
  if (process.env['BENCH_SKIP_BUILD'] !== '1' && !process.env['BENCH_DIST']) build();
  mkdirSync(work, { recursive: true });
  const database = await openBenchDatabase(log);
  const db = new Client({ connectionString: database.runUrl });
  await db.connect();
  const stops: (() => Promise<void>)[] = [];
  try {
    const context = await benchContext(db);
    const traceFile = join(work, 'sql-trace.jsonl');
    writeFileSync(traceFile, '');
    log('Capturing the SQL of each request…');
    const traced = await startApi({ databaseUrl: database.runUrl, logFile: join(work, 'api-traced.log'), traceFile });
    context.token = await login(traced.base);
    let captured: Captured[];
    try {
      captured = await captureAll(traced.base, traceFile, context);
    } finally {
      await traced.stop();
    }
    const scenarioFile = join(work, 'scenario.json');
    writeFileSync(
      scenarioFile,
      JSON.stringify(
        captured.map((c) => c.endpoint),
        null,
        1,
      ),
    );

    const cpuProfileDir = process.env['BENCH_CPU_PROFILE'] ? resolve(process.env['BENCH_CPU_PROFILE']) : undefined;
    const api = await startApi({ databaseUrl: database.runUrl, logFile: join(work, 'api.log'), cpuProfileDir });
    stops.push(api.stop);
    const raw = await startRaw({ databaseUrl: database.runUrl, scenarioFile, logFile: join(work, 'raw.log') });
    stops.push(raw.stop);
    log(`API pid ${api.pid}, raw handler pid ${raw.pid}; ${SECONDS} s per run.`);

    const rows: Row[] = [];
    const loads: number[] = [];
    for (const endpoint of ENDPOINTS.filter((e) => !ONLY || ONLY.includes(e.key))) {
      const spec = endpoint.spec(context);
      for (const connections of CONNECTIONS) {
        const samples: Record<'api' | 'raw', LoadSample[]> = { api: [], raw: [] };
        const run = async (target: 'api' | 'raw', seconds: number) => {
          const sample = await drive(target === 'api' ? api.base : raw.base, spec, connections, seconds);
          if (spec.next) {
            // Requests still in flight when autocannon stops are answered later: wait for them.
            await new Promise((r) => setTimeout(r, 1500));
            await context.patch.sync();
          }
          return sample;
        };
        for (let round = 0; round < ROUNDS; round++) {
          const order: ('api' | 'raw')[] = round % 2 === 0 ? ['api', 'raw'] : ['raw', 'api'];
          for (const target of order) {
            // Unmeasured: a pool idle for 10 s has closed its connections (pg's default), and
            // each target waits while the other runs.
            await run(target, 1);
            samples[target].push(await run(target, SECONDS));
          }
        }
        const load = loadavg()[0];
        loads.push(load);
        const statements = statementCount(captured.find((c) => c.endpoint.key === endpoint.key)?.endpoint.stages ?? []);
        const row: Row = {
          endpoint,
          connections,
          statements,
          api: figures(samples.api),
          raw: figures(samples.raw),
          load,
        };
        rows.push(row);
        log(table([row]).split('\n')[2]);
      }
    }

    const pages: PageScore[] = [];
    if (LIGHTHOUSE_RUNS > 0) {
      const cookie = `maillage_session=${context.token}`;
      for (const [page, path] of [
        ['dashboard', '/tableau-de-bord'],
        ['sites list', '/terrains'],
        ['site page', `/terrains/${context.siteId}`],
      ]) {
        log(`Lighthouse: ${path}…`);
        pages.push({ page, path, ...(await lighthouse(`${api.base}${path}`, cookie, LIGHTHOUSE_RUNS)) });
      }
    }
    const plans = await explain(db, captured);
    const result = {
      date: new Date().toISOString().slice(0, 10),
      seconds: SECONDS,
      rounds: ROUNDS,
      sizes: database.sizes,
      rows,
      lighthouse: pages,
      initialJs: initialJavaScript(),
      load: { start: loadStart, end: loadavg(), min: Math.min(...loads), max: Math.max(...loads) },
      minutes: (Date.now() - started) / 60_000,
    };
    if (ONLY) {
      process.stdout.write(`\n${table(rows)}\n`);
    } else {
      if (!process.env['BENCH_DOC']) await writePlans(result.date, plans);
      process.stdout.write(`\n${await writeBenchmarks(result)}\n`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    await db.end();
    await database.server.stop();
  }
}

function build(): void {
  log('Building the API and the dashboard…');
  const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  const args = [nx, 'run-many', '-t', 'build', '-p', 'api,web', '--configuration=production', '--output-style=static'];
  // TS_NODE_PROJECT (set by `npm run bench` for this script) would send webpack's tsconfig-paths
  // plugin to tools/tsconfig.json, relative to the project being built.
  const { TS_NODE_PROJECT: _tools, ...env } = process.env;
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) throw new Error('build failed');
}

async function benchContext(db: Client): Promise<BenchContext> {
  const [site] = (
    await db.query<{ id: string }>(
      `SELECT s.id FROM training_sites s
       WHERE s.departement_code = '77' AND s.status = 'active' AND s.archived_at IS NULL
       ORDER BY (SELECT count(*) FROM professional_sites ps WHERE ps.site_id = s.id) DESC, s.id LIMIT 1`,
    )
  ).rows;
  const patch = new PatchTargets(db);
  await patch.sync();
  return { token: '', email: BENCH_USER.email, password: BENCH_USER.password, siteId: site.id, patch };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Every read statement captured, under EXPLAIN (ANALYZE, BUFFERS) with its parameters. */
async function explain(db: Client, captured: Captured[]): Promise<{ endpoint: string; sql: string; plan: string }[]> {
  const plans: { endpoint: string; sql: string; plan: string }[] = [];
  for (const { endpoint, statements } of captured) {
    for (const statement of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(statement.text) || /\b(INSERT|UPDATE|DELETE)\b/i.test(statement.text)) continue;
      const result = await db.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
        statement.values,
      );
      plans.push({
        endpoint: endpoint.key,
        sql: statement.text,
        plan: result.rows.map((r) => r['QUERY PLAN']).join('\n'),
      });
    }
  }
  return plans;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
