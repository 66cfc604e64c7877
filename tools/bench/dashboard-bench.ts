/**
 * Dashboard and map benchmark: `npm run bench:dashboard` (a few minutes at reduced size).
 *
 * 1. A fresh embedded PostgreSQL with two migrated databases: phase "77", the 77 alone, and phase
 *    "France", every département (the 77 first), each filled by national-dataset.ts plus, here,
 *    visits, access issues and semester demands (generate_series). Sizes per département:
 *    BENCH_SITES_PER_DEPARTEMENT (500), BENCH_PROFESSIONALS_PER_DEPARTEMENT (2000).
 * 2. One instance of the real API per database answers `GET /api/dashboard` for a mission officer
 *    of the 77 (département, EPCI, commune, a short period), then `GET /api/map` (the 77's
 *    communes and sites): p50/p95 over BENCH_REQUESTS (60)
 *    sequential requests, made alternately to both phases so that the load of the shared machine
 *    weighs alike on them. The ratio France / 77 is the figure that matters.
 * 3. In both phases each of the dashboard's queries is run under EXPLAIN (ANALYZE, BUFFERS) for
 *    the 77 (département and EPCI), and each of the map's for the 77: the pages it reads must not
 *    grow with France.
 *    `BENCH_PLANS_FILE=<path>` also writes the full plans of both phases there.
 *
 * The doc's text from the line `<!-- hand-written -->` on is kept as it is (analysis written by
 * hand); everything above it is regenerated.
 */
import { addMonths, nextSemester, semesterOf, semesterRange } from '@maillage/shared/domain';
import { type INestApplication, Logger } from '@nestjs/common';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { DataSource } from 'typeorm';

import { createApp } from '../../apps/api/src/bootstrap';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/scope/territory-scope';
import { accreditationRulesOf, type AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import {
  ACCREDITATIONS_SQL,
  INTENTS_SQL,
  ISSUE_MONTHS_SQL,
  ISSUES_SQL,
  POPULATION_SQL,
  REFERRALS_SQL,
  REGISTRY_SQL,
  VISITS_SQL,
} from '../../apps/api/src/dashboard/dashboard.sql';
import { ensureDatabase } from '../../apps/api/src/database/database-target';
import {
  type EmbeddedServer,
  makeTempDataDir,
  startEmbeddedPostgres,
} from '../../apps/api/src/database/embedded-postgres';
import { migrate } from '../../apps/api/src/database/migrate';
import {
  COMMUNES_SQL as MAP_COMMUNES_SQL,
  ISSUES_SQL as MAP_ISSUES_SQL,
  PLACES_SQL as MAP_PLACES_SQL,
  PROFESSIONALS_SQL as MAP_PROFESSIONALS_SQL,
  SITES_SQL as MAP_SITES_SQL,
} from '../../apps/api/src/map/map.sql';
import { PLACES_OFFERED_SQL } from '../../apps/api/src/offer/places-offered';
import { TerritoryLoaderService } from '../../apps/api/src/territory/territory-loader.service';
import { UsersService } from '../../apps/api/src/users/users.service';
import { generateNationalDataset, type NationalDatasetReport } from './national-dataset';

const SITES = Number(process.env['BENCH_SITES_PER_DEPARTEMENT'] ?? 500);
const PROFESSIONALS = Number(process.env['BENCH_PROFESSIONALS_PER_DEPARTEMENT'] ?? 2000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 60);
const WARM_UP = 10;
const PASSWORD = 'benchmark-password-77';
const PLANS_FILE = process.env['BENCH_PLANS_FILE'];
const DOC = join(process.cwd(), 'docs', 'benchmarks-dashboard.md');
const HAND_WRITTEN = '<!-- hand-written -->';

/** Field work the registry dataset lacks: 4 visits and about 1.5 access issues per site, demands per semester. */
export const FIELDWORK_STEPS = [
  `INSERT INTO site_visits (version, departement_code, site_id, purpose, status, planned_on, visited_on)
   SELECT 1, s.departement_code, s.id, (ARRAY['prospection','follow_up','accreditation','issue_resolution'])[1 + g % 4],
     st.status, d.day, CASE WHEN st.status = 'done' THEN d.day + 2 END
   FROM training_sites s CROSS JOIN generate_series(1, 4) g
   CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + abs(hashtext(s.id::text || g)) % 700 AS day) d
   CROSS JOIN LATERAL (SELECT (ARRAY['done','done','planned','cancelled'])[1 + abs(hashtext(s.id::text || g || 'v')) % 4] AS status) st
   WHERE s.departement_code = ANY($1::varchar[])`,
  `INSERT INTO access_issues (version, departement_code, site_id, category, severity, description, source, status, raised_on, closed_on)
   SELECT 1, s.departement_code, s.id,
     (ARRAY['public_transport','distance','housing','parking','premises','it','supervision','pay','safety','other'])[1 + abs(hashtext(s.id::text || g)) % 10],
     1 + abs(hashtext(s.id::text || g)) % 4, 'Difficulté synthétique', 'visit', st.status, d.day,
     CASE WHEN st.status IN ('resolved', 'wont_fix') THEN d.day + 30 END
   FROM training_sites s CROSS JOIN generate_series(1, 3) g
   CROSS JOIN LATERAL (SELECT DATE '2025-01-01' + abs(hashtext(s.id::text || g || 'i')) % 650 AS day) d
   CROSS JOIN LATERAL (SELECT (ARRAY['open','in_progress','resolved','wont_fix'])[1 + abs(hashtext(s.id::text || g || 's')) % 4] AS status) st
   WHERE s.departement_code = ANY($1::varchar[]) AND abs(hashtext(s.id::text || g || 'k')) % 2 = 0`,
  `INSERT INTO semester_demands (version, departement_code, semester, stage_type, places_requested)
   SELECT 1, d.code, sem, st, 5 + abs(hashtext(d.code || sem || st)) % 40
   FROM departements d CROSS JOIN unnest(ARRAY['2026-S','2026-W','2027-S']) sem
   CROSS JOIN unnest(ARRAY['N1','SASPAS','SAFE']) st
   WHERE d.code = ANY($1::varchar[]) ON CONFLICT DO NOTHING`,
  `UPDATE candidate_referrals r SET commune_code = c.code
   FROM (SELECT DISTINCT ON (departement_code) departement_code, code FROM communes ORDER BY departement_code, code) c
   WHERE r.departement_code = c.departement_code AND r.commune_code IS NULL AND r.departement_code = ANY($1::varchar[])`,
];

/**
 * What the map reads beyond that: a contour (a small square) with its anchor and a zonage in force
 * (a quarter of the communes also with an older, ended one) for every commune, and coordinates for
 * two sites out of three (the others are placed at their commune's anchor).
 */
export const MAP_STEPS = [
  `INSERT INTO commune_contours (commune_code, geometry, source, anchor_latitude, anchor_longitude)
   SELECT c.code, jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(jsonb_build_array(
       jsonb_build_array(p.lon, p.lat), jsonb_build_array(p.lon + 0.02, p.lat), jsonb_build_array(p.lon + 0.02, p.lat + 0.02),
       jsonb_build_array(p.lon, p.lat + 0.02), jsonb_build_array(p.lon, p.lat)))),
     'benchmark', p.lat + 0.01, p.lon + 0.01
   FROM communes c
   CROSS JOIN LATERAL (SELECT 43 + abs(hashtext(c.code)) % 8000 / 1000.0 AS lat,
     -4 + abs(hashtext(c.code || 'x')) % 12000 / 1000.0 AS lon) p
   WHERE c.departement_code = ANY($1::varchar[]) ON CONFLICT DO NOTHING`,
  `INSERT INTO commune_zonages (commune_code, zonage, valid_from, valid_to, source)
   SELECT c.code, (ARRAY['ZIP','ZAC','QPV_ZIP','QPV_ZAC','ZV','HZ'])[1 + abs(hashtext(c.code)) % 6], DATE '2024-01-01', NULL, 'benchmark'
   FROM communes c WHERE c.departement_code = ANY($1::varchar[])
   UNION ALL
   SELECT c.code, 'HZ', DATE '2020-01-01', DATE '2023-12-31', 'benchmark'
   FROM communes c WHERE c.departement_code = ANY($1::varchar[]) AND abs(hashtext(c.code || 'z')) % 4 = 0`,
  `UPDATE training_sites s SET latitude = 43 + abs(hashtext(s.id::text)) % 8000 / 1000.0,
     longitude = -4 + abs(hashtext(s.id::text || 'x')) % 12000 / 1000.0
   WHERE s.departement_code = ANY($1::varchar[]) AND abs(hashtext(s.id::text || 'c')) % 3 <> 0`,
];

export async function fillFieldwork(
  ds: DataSource,
  departements: string[],
): Promise<{ visits: number; issues: number }> {
  for (const sql of [...FIELDWORK_STEPS, ...MAP_STEPS]) await ds.query(sql, [departements]);
  await ds.query('ANALYZE');
  const count = async (table: string) =>
    Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return { visits: await count('site_visits'), issues: await count('access_issues') };
}

interface Measure {
  p50: number;
  p95: number;
}

/** One query of the dashboard under EXPLAIN: execution time and 8 kB pages read (cache or disk). */
interface QueryCost {
  ms: number;
  pages: number;
  plan: string;
}

/** The dashboard's queries as DashboardService runs them for the 77 over 2025–2026 (`communes`: an EPCI). */
function dashboardQueries(
  config: AppConfig,
  communes: string[] | null,
): { name: string; sql: string; params: unknown[] }[] {
  const deps = ['77'];
  const today = new Date().toISOString().slice(0, 10);
  const period = ['2025-01-01', '2026-12-31'];
  const semester = nextSemester(semesterOf(today));
  return [
    { name: 'population', sql: POPULATION_SQL, params: [deps, communes] },
    { name: 'registry', sql: REGISTRY_SQL, params: [deps, communes] },
    { name: 'referrals', sql: REFERRALS_SQL, params: [deps, communes, ...period] },
    { name: 'access issues', sql: ISSUES_SQL, params: [deps, communes, ...period] },
    { name: 'issues per month', sql: ISSUE_MONTHS_SQL, params: [deps, communes, ...period] },
    { name: 'visits', sql: VISITS_SQL, params: [deps, communes, ...period] },
    {
      name: 'accreditations',
      sql: ACCREDITATIONS_SQL,
      params: [deps, communes, ...period, today, addMonths(today, accreditationRulesOf(config).alertMonths)],
    },
    { name: 'intents', sql: INTENTS_SQL, params: [deps, communes] },
    {
      name: 'places offered (semester plan)',
      sql: PLACES_OFFERED_SQL,
      params: [[semester], [semesterRange(semester).start], deps],
    },
    {
      name: 'places requested (semester plan)',
      sql: `SELECT * FROM semester_demands WHERE semester = ANY($1::text[]) AND departement_code = ANY($2::text[])`,
      params: [[semester], deps],
    },
  ];
}

/** The map's queries as MapService runs them for the 77 (a mission officer: the 77's communes). */
function mapQueries(): { name: string; sql: string; params: unknown[] }[] {
  const deps = ['77'];
  const today = new Date().toISOString().slice(0, 10);
  const start = semesterRange(nextSemester(semesterOf(today))).start;
  return [
    { name: 'map: communes', sql: MAP_COMMUNES_SQL, params: [deps, today] },
    { name: 'map: professionals', sql: MAP_PROFESSIONALS_SQL, params: [deps] },
    { name: 'map: open issues', sql: MAP_ISSUES_SQL, params: [deps] },
    { name: 'map: places offered', sql: MAP_PLACES_SQL, params: [deps, start] },
    { name: 'map: sites', sql: MAP_SITES_SQL, params: [deps] },
  ];
}

/**
 * Every dashboard query for the département and for the EPCI, then every map query for the
 * département, best of three EXPLAIN ANALYZE runs.
 */
async function explainAll(ds: DataSource, config: AppConfig, epciCommunes: string[]): Promise<Map<string, QueryCost>> {
  const result = new Map<string, QueryCost>();
  for (const [scope, queries] of [
    ['département', dashboardQueries(config, null)],
    ['EPCI', dashboardQueries(config, epciCommunes)],
    ['département', mapQueries()],
  ] as const) {
    for (const query of queries) {
      let best: QueryCost | null = null;
      for (let i = 0; i < 3; i++) {
        const [row] = await ds.query<{ 'QUERY PLAN': [{ Plan: Record<string, number>; 'Execution Time': number }] }[]>(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`,
          query.params,
        );
        const [explained] = row['QUERY PLAN'];
        const cost = {
          ms: explained['Execution Time'],
          pages: explained.Plan['Shared Hit Blocks'] + explained.Plan['Shared Read Blocks'],
          plan: '',
        };
        if (!best || cost.ms < best.ms) best = cost;
      }
      const text = await ds.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params);
      (best as QueryCost).plan = text.map((r) => r['QUERY PLAN']).join('\n');
      result.set(`${query.name} — ${scope}`, best as QueryCost);
    }
  }
  return result;
}

interface Phase {
  ds: DataSource;
  app: INestApplication;
  base: string;
  token: string;
  sizes: Sizes;
}

/**
 * A database of the server filled for these départements (the 77 first, as a real national
 * database would have grown) and an API instance serving it, with a mission officer of the 77.
 */
async function preparePhase(server: EmbeddedServer, name: string, config: AppConfig, codes: string[]): Promise<Phase> {
  await ensureDatabase(server.url('postgres'), name);
  const url = server.url(name);
  const ds = new DataSource((await import('../../apps/api/src/database/data-source')).dataSourceOptions(url));
  await ds.initialize();
  await migrate(ds);
  const loader = new TerritoryLoaderService(ds, config);
  await loader.load(codes);
  let sizes: NationalDatasetReport | null = null;
  for (const batch of [['77'], codes.filter((c) => c !== '77')].filter((b) => b.length > 0)) {
    sizes = await generateNationalDataset(ds, {
      sitesPerDepartement: SITES,
      professionalsPerDepartement: PROFESSIONALS,
      departements: batch,
    });
    sizes = { ...sizes, ...(await fillFieldwork(ds, batch)) };
  }
  const app = await createApp(config, url, { quiet: true });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  await app.get(UsersService).create(SYSTEM_ACTOR, {
    email: 'bench.mo@bench.maillage.fr',
    displayName: 'Bench',
    role: 'mission_officer',
    departementCode: '77',
    password: PASSWORD,
  });
  return { ds, app, base, token: await login(base, 'bench.mo@bench.maillage.fr'), sizes: sizes as Sizes };
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const dataDir = makeTempDataDir('maillage-bench-dashboard-');
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      LOGIN_RATE_LIMIT: '100000',
      TERRITORY_DEPARTEMENTS: '77',
    });
    const allCodes = (
      (await import('@etalab/decoupage-administratif/data/departements.json')) as unknown as {
        default: { code: string }[];
      }
    ).default.map((d) => d.code);
    const alone = await preparePhase(server, 'bench77', config, ['77']);
    const france = await preparePhase(server, 'benchfrance', config, allCodes);

    const [{ siren }] = await alone.ds.query<{ siren: string }[]>(
      `SELECT epci_siren AS siren FROM communes WHERE departement_code = '77' AND epci_siren IS NOT NULL
       GROUP BY epci_siren ORDER BY count(*) DESC LIMIT 1`,
    );
    const [{ communes: epciCommunes }] = await alone.ds.query<{ communes: string[] }[]>(
      `SELECT array_agg(code ORDER BY code) AS communes FROM communes WHERE epci_siren = $1 AND departement_code = '77'`,
      [siren],
    );
    const endpoints = [
      { name: 'Département, du 1er janvier à aujourd’hui', path: '/api/dashboard' },
      { name: 'Département, deux ans', path: '/api/dashboard?from=2025-01-01&to=2026-12-31' },
      { name: 'EPCI le plus peuplé en communes', path: `/api/dashboard?epci=${siren}&from=2025-01-01&to=2026-12-31` },
      { name: 'Commune (Melun)', path: '/api/dashboard?commune=77288&from=2025-01-01&to=2026-12-31' },
      { name: 'Carte du département', path: '/api/map' },
    ];

    const [phase77, phaseFrance] = await measurePaired(alone, france, endpoints);
    const queries77 = await explainAll(alone.ds, config, epciCommunes);
    const queriesFrance = await explainAll(france.ds, config, epciCommunes);
    for (const phase of [alone, france]) {
      await phase.app.close();
      await phase.ds.destroy();
    }
    if (PLANS_FILE) {
      const plans = [
        ...[...queries77].map(([name, cost]) => `=== 77 alone: ${name}\n${cost.plan}\n`),
        ...[...queriesFrance].map(([name, cost]) => `=== France: ${name}\n${cost.plan}\n`),
      ];
      writeFileSync(PLANS_FILE, plans.join('\n'));
    }
    await writeReport(endpoints, alone.sizes, france.sizes, phase77, phaseFrance, queries77, queriesFrance);
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

async function request(base: string, path: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await res.json();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return ms;
}

const percentiles = (times: number[]): Measure => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length * 0.5)], p95: sorted[Math.floor(sorted.length * 0.95)] };
};

/**
 * Each request is made to both phases in turn (77 then France, then France then 77, …), so that
 * the load of the shared machine weighs alike on both.
 */
async function measurePaired(
  a: Phase,
  b: Phase,
  endpoints: { name: string; path: string }[],
): Promise<[Map<string, Measure>, Map<string, Measure>]> {
  const resultA = new Map<string, Measure>();
  const resultB = new Map<string, Measure>();
  for (const endpoint of endpoints) {
    for (let i = 0; i < WARM_UP; i++) {
      await request(a.base, endpoint.path, a.token);
      await request(b.base, endpoint.path, b.token);
    }
    const timesA: number[] = [];
    const timesB: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const order = i % 2 === 0 ? [a, b] : [b, a];
      for (const phase of order) {
        (phase === a ? timesA : timesB).push(await request(phase.base, endpoint.path, phase.token));
      }
    }
    resultA.set(endpoint.name, percentiles(timesA));
    resultB.set(endpoint.name, percentiles(timesB));
  }
  return [resultA, resultB];
}

type Sizes = NationalDatasetReport & { visits: number; issues: number };

async function writeReport(
  endpoints: { name: string; path: string }[],
  small: Sizes,
  national: Sizes,
  phase77: Map<string, Measure>,
  phaseFrance: Map<string, Measure>,
  queries77: Map<string, QueryCost>,
  queriesFrance: Map<string, QueryCost>,
): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const f = (n: number) => n.toFixed(1).replace('.', ',');
  const rows = endpoints.map(({ name, path }) => {
    const a = phase77.get(name) as Measure;
    const b = phaseFrance.get(name) as Measure;
    return `| ${name} | \`${path}\` | ${f(a.p50)} | ${f(a.p95)} | ${f(b.p50)} | ${f(b.p95)} | ${(b.p50 / a.p50).toFixed(2).replace('.', ',')} |`;
  });
  const queryRows = [...queries77].map(([name, a]) => {
    const b = queriesFrance.get(name) as QueryCost;
    const seqScans = (b.plan.match(/Seq Scan/g) ?? []).length;
    return `| ${name} | ${f(a.ms)} | ${f(b.ms)} | ${a.pages} | ${b.pages} | ${seqScans} |`;
  });
  const totalSeqScans = [...queriesFrance.values()].reduce(
    (sum, q) => sum + (q.plan.match(/Seq Scan/g) ?? []).length,
    0,
  );
  const scanVerdict =
    totalSeqScans === 0
      ? 'No plan of the France phase scans a table sequentially.'
      : `**${totalSeqScans} sequential scan(s) in the France phase: a query reads national rows.**`;
  const sizes = (s: Sizes) =>
    `${s.departements} départements, ${s.communes} communes, ${s.sites} sites, ${s.professionals} professionals, ` +
    `${s.accreditations} accreditations, ${s.referrals} referrals, ${s.intents} intents, ${s.visits} visits, ${s.issues} access issues`;
  const report = `# Benchmark: the dashboard and map endpoints

Figures from \`npm run bench:dashboard\` (tools/bench/dashboard-bench.ts), run on ${date} on the
development machine (shared and noisy: compare the ratio, not absolute times).

\`GET /api/dashboard\` computes every figure with a handful of aggregate queries run side by side
(territory resolution, population, registry, referrals, access issues, monthly trend, visits,
accreditations, intents, and the semester plan of semesters/semester-plan.ts). \`GET /api/map\`
(map/map.sql.ts) runs five queries side by side, each grouped per commune of the département:
communes (EPCI, zonage, contour anchor), general practitioners and MSUs, open access issues,
places offered for the coming semester, and the live sites with their positions.

Dataset: ${SITES} sites and ${PROFESSIONALS} professionals per département (tools/bench/national-dataset.ts),
plus 4 visits and about 1.5 access issues per site, and for the map a contour (a small square) and
a zonage for every commune and coordinates for two sites out of three.

- Phase "77": the 77 alone (${sizes(small)}).
- Phase "France": every département filled the same way (${sizes(national)}).

The two phases are two databases of the same PostgreSQL server, each served by its own instance of
the API in the same process. Each request is made by a mission officer of the 77 through the real
API (authentication, validation, JSON): ${WARM_UP} warm-up requests, then ${REQUESTS} sequential requests,
alternately to the 77 alone and to France (77 then France, France then 77, …) so that the load of
the shared machine weighs alike on both phases.

| measure | request | p50 77 (ms) | p95 77 (ms) | p50 France (ms) | p95 France (ms) | France / 77 (p50) |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

A ratio near 1 means the 77's dashboard (or map) costs the same whatever the size of the national
tables: every query is restricted to the département through its (département, …) index.

Each query of the dashboard, run for the 77 (two-year period; the département, then the most
populated EPCI), then each query of the map (the département), under \`EXPLAIN (ANALYZE, BUFFERS)\`
in each phase, best of three: execution time in the server, 8 kB page accesses (shared buffers,
hit or read: a page fetched twice counts twice) and sequential scans in the France plan. The 77
alone reads its small tables whole (few pages); in France the same rows are reached through
indexes (a page access per probe): these counts follow the 77's rows, not France's. ${scanVerdict}

| query — scope | exec 77 (ms) | exec France (ms) | pages 77 | pages France | seq scans France |
| --- | ---: | ---: | ---: | ---: | ---: |
${queryRows.join('\n')}
`;
  const kept = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const at = kept.indexOf(HAND_WRITTEN);
  const doc = at >= 0 ? `${report}\n${kept.slice(at)}` : report;
  // Formatted as the rest of the tree (aligned tables), so that the doc passes `prettier --check`.
  writeFileSync(DOC, await format(doc, { ...(await resolveConfig(DOC)), filepath: DOC }));
  process.stdout.write(report);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
