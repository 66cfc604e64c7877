/**
 * Dashboard benchmark: `npm run bench:dashboard` (a few minutes).
 *
 * 1. A fresh embedded PostgreSQL, migrated; the 77 alone, filled by national-dataset.ts plus,
 *    here, visits, access issues and semester demands (generate_series) — phase "77".
 * 2. The real API answers `GET /api/dashboard` for a mission officer of the 77 (département,
 *    EPCI, commune, a short period): p50/p95 over sequential requests.
 * 3. Every other département is loaded and filled the same way — phase "France" — and the same
 *    requests are measured again. The ratio France / 77 is the figure that matters (the machine
 *    is shared and noisy). Figures go to docs/benchmarks-dashboard.md.
 */
import { Logger } from '@nestjs/common';
import { rmSync, writeFileSync } from 'node:fs';
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

/** Field work the registry dataset lacks: 4 visits and about 1.5 access issues per site, demands per semester. */
const FIELDWORK_STEPS = [
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

async function fillFieldwork(ds: DataSource, departements: string[]): Promise<{ visits: number; issues: number }> {
  for (const sql of FIELDWORK_STEPS) await ds.query(sql, [departements]);
  await ds.query('ANALYZE');
  const count = async (table: string) =>
    Number((await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return { visits: await count('site_visits'), issues: await count('access_issues') };
}

interface Measure {
  p50: number;
  p95: number;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const dataDir = makeTempDataDir('maillage-bench-dashboard-');
  const server = await startEmbeddedPostgres({ dataDir, persistent: false });
  try {
    await ensureDatabase(server.url('postgres'), 'bench');
    const url = server.url('bench');
    const ds = new DataSource((await import('../../apps/api/src/database/data-source')).dataSourceOptions(url));
    await ds.initialize();
    await migrate(ds);
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
    const smallField = await fillFieldwork(ds, ['77']);
    const [{ siren }] = await ds.query<{ siren: string }[]>(
      `SELECT epci_siren AS siren FROM communes WHERE departement_code = '77' AND epci_siren IS NOT NULL
       GROUP BY epci_siren ORDER BY count(*) DESC LIMIT 1`,
    );
    const endpoints = [
      { name: 'Département, du 1er janvier à aujourd’hui', path: '/api/dashboard' },
      { name: 'Département, deux ans', path: '/api/dashboard?from=2025-01-01&to=2026-12-31' },
      { name: 'EPCI le plus peuplé en communes', path: `/api/dashboard?epci=${siren}&from=2025-01-01&to=2026-12-31` },
      { name: 'Commune (Melun)', path: '/api/dashboard?commune=77288&from=2025-01-01&to=2026-12-31' },
    ];

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
    const token = await login(base, 'bench.mo@bench.maillage.fr');
    const phase77 = await measureAll(base, token, endpoints);

    const allCodes = (
      (await import('@etalab/decoupage-administratif/data/departements.json')) as unknown as {
        default: { code: string }[];
      }
    ).default.map((d) => d.code);
    await loader.load(allCodes);
    const others = allCodes.filter((c) => c !== '77');
    const national = await generateNationalDataset(ds, {
      sitesPerDepartement: SITES,
      professionalsPerDepartement: PROFESSIONALS,
      departements: others,
    });
    const nationalField = await fillFieldwork(ds, others);
    const phaseFrance = await measureAll(base, token, endpoints);
    await app.close();
    await ds.destroy();
    writeReport(endpoints, { ...small, ...smallField }, { ...national, ...nationalField }, phase77, phaseFrance);
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

async function measureAll(
  base: string,
  token: string,
  endpoints: { name: string; path: string }[],
): Promise<Map<string, Measure>> {
  const result = new Map<string, Measure>();
  for (const endpoint of endpoints) {
    for (let i = 0; i < 5; i++) await request(base, endpoint.path, token);
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push(await request(base, endpoint.path, token));
    times.sort((a, b) => a - b);
    result.set(endpoint.name, {
      p50: times[Math.floor(times.length * 0.5)],
      p95: times[Math.floor(times.length * 0.95)],
    });
  }
  return result;
}

type Sizes = NationalDatasetReport & { visits: number; issues: number };

function writeReport(
  endpoints: { name: string; path: string }[],
  small: Sizes,
  national: Sizes,
  phase77: Map<string, Measure>,
  phaseFrance: Map<string, Measure>,
): void {
  const date = new Date().toISOString().slice(0, 10);
  const f = (n: number) => n.toFixed(1).replace('.', ',');
  const rows = endpoints.map(({ name, path }) => {
    const a = phase77.get(name) as Measure;
    const b = phaseFrance.get(name) as Measure;
    return `| ${name} | \`${path}\` | ${f(a.p50)} | ${f(a.p95)} | ${f(b.p50)} | ${f(b.p95)} | ${(b.p50 / a.p50).toFixed(2).replace('.', ',')} |`;
  });
  const sizes = (s: Sizes) =>
    `${s.departements} départements, ${s.communes} communes, ${s.sites} sites, ${s.professionals} professionals, ` +
    `${s.accreditations} accreditations, ${s.referrals} referrals, ${s.intents} intents, ${s.visits} visits, ${s.issues} access issues`;
  const report = `# Benchmark: the dashboard endpoint

Figures from \`npm run bench:dashboard\` (tools/bench/dashboard-bench.ts), run on ${date} on the
development machine (shared and noisy: compare the ratio, not absolute times).

\`GET /api/dashboard\` computes every figure with a handful of aggregate queries run side by side
(territory resolution, population, registry, referrals, access issues, monthly trend, visits,
accreditations, intents, and the semester plan of semesters/semester-plan.ts).

- Phase "77": the 77 alone (${sizes(small)}).
- Phase "France": every département filled the same way (${sizes(national)}).

Each request is made by a mission officer of the 77 through the real API (authentication,
validation, JSON): 5 warm-up requests, then ${REQUESTS} sequential requests.

| dashboard | request | p50 77 (ms) | p95 77 (ms) | p50 France (ms) | p95 France (ms) | France / 77 (p50) |
| --- | --- | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

A ratio near 1 means the 77's dashboard costs the same whatever the size of the national tables:
every query is restricted to the département through its (département, …) index.
`;
  writeFileSync(join(process.cwd(), 'docs', 'benchmarks-dashboard.md'), report);
  process.stdout.write(report);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
