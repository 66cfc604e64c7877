/**
 * Search box benchmark: `npm run bench:search` (a few minutes).
 *
 * 1. A fresh embedded PostgreSQL, migrated; the 77 alone, filled by national-dataset.ts, then
 *    given realistic names (French first and last names with accents, usual site names) and,
 *    here, site visits and committee meetings (phase "77").
 * 2. The real API answers `GET /api/search?q=` for a mission officer of the 77 (she reads every
 *    kind): p50/p95 over BENCH_REQUESTS (60) sequential requests per query.
 * 3. Every other département is loaded and filled the same way (phase "France"); the same
 *    requests are measured again, and a few for a national administrator (no département scope).
 * 4. Each kind's statement is run under EXPLAIN for the 77 in phase "France": the indexes it uses
 *    are listed, and a sequential scan on a large table is reported.
 *
 * Writes its own section of docs/benchmarks.md, between the `search-bench` markers (the rest
 * of the file is left as it is).
 */
import { normalizeSearchText, SEARCH_KINDS, type SearchResponse } from '@maillage/shared/domain';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

import { createApp } from '../../apps/api/src/bootstrap';
import { SYSTEM_ACTOR } from '../../apps/api/src/common/scope/territory-scope';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { Params, SEARCH_SQL } from '../../apps/api/src/search/search-sql';
import { TerritoryLoaderService } from '../../apps/api/src/territory/territory-loader.service';
import { UsersService } from '../../apps/api/src/users/users.service';
import { allDepartementCodes } from './dataset-cache';
import { writeDocSection } from './doc-section';
import { generateNationalDataset, type NationalDatasetReport } from './national-dataset';
import { openScratchDatabase } from './scratch-database';

const SITES = Number(process.env['BENCH_SITES_PER_DEPARTEMENT'] ?? 500);
const PROFESSIONALS = Number(process.env['BENCH_PROFESSIONALS_PER_DEPARTEMENT'] ?? 2000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 60);
const PASSWORD = 'benchmark-password-77';
const START = '<!-- search-bench:start -->';
const END = '<!-- search-bench:end -->';
const LARGE_TABLES = /Seq Scan on (professionals|training_sites|communes|candidate_referrals|site_visits)\b/;

const QUERIES: { name: string; q: string; national?: boolean }[] = [
  { name: 'Commune mal orthographiée', q: 'Fontainbleau', national: true },
  { name: 'Prénom et nom sans accents', q: 'helene durand', national: true },
  { name: 'Nom avec une faute', q: 'Durant', national: true },
  { name: 'Nom fréquent (accents variés)', q: 'lefevre' },
  { name: 'Terrain et ses visites', q: 'capucins' },
  { name: 'Commune du département', q: 'melun', national: true },
  { name: 'Aucun résultat', q: 'zzyzx', national: true },
];

const FIRST_NAMES = [
  'Hélène',
  'Élodie',
  'Jérôme',
  'François',
  'Chloé',
  'Agnès',
  'Loïc',
  'Benoît',
  'Céline',
  'Gaëlle',
  'Marie',
  'Jean',
  'Pierre',
  'Claire',
  'Nicolas',
  'Sophie',
  'Thomas',
  'Camille',
  'Julien',
  'Laure',
  'Mathieu',
  'Anne',
  'Paul',
  'Lucie',
  'Antoine',
  'Émilie',
  'Hugo',
  'Inès',
  'Noé',
  'Zoé',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefèbvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
];
const SITE_KINDS = ['Maison de santé', 'Cabinet médical', 'Centre de santé', 'Pôle de santé', 'Cabinet de groupe'];
const SITE_PLACES = [
  'des Capucins',
  'du Lac',
  'Saint-Roch',
  'de la Gare',
  'des Tilleuls',
  'du Centre',
  'Pasteur',
  'Victor-Hugo',
];
const names = (list: string[]) => `ARRAY[${list.map((n) => `'${n}'`).join(', ')}]`;
const pick = (list: string[], salt: string) =>
  `(${names(list)})[1 + abs(hashtext(id::text || '${salt}')) % ${list.length}]`;

/**
 * The generator's synthetic names ("Nom7712 Prénom12") are all alike, which no search meets in
 * life: give people French names (accents included) and sites the usual kinds of names, then
 * refresh the folded texts the search reads, with the same folding as the app (maillage_fold).
 */
const REALISTIC_SQL = [
  `UPDATE professionals SET first_name = ${pick(FIRST_NAMES, 'f')}, last_name = ${pick(LAST_NAMES, 'l')}
   WHERE departement_code = ANY($1::varchar[])`,
  `UPDATE professionals SET search_text = left(maillage_fold(last_name || ' ' || first_name || ' ' || coalesce(rpps, '')), 250)
   WHERE departement_code = ANY($1::varchar[])`,
  `UPDATE candidate_referrals SET first_name = ${pick(FIRST_NAMES, 'rf')}, last_name = ${pick(LAST_NAMES, 'rl')}
   WHERE departement_code = ANY($1::varchar[])`,
  `UPDATE training_sites s SET name = ${pick(SITE_KINDS, 'k')} || ' ' || ${pick(SITE_PLACES, 'p')}
   WHERE departement_code = ANY($1::varchar[])`,
  `UPDATE training_sites s SET search_text = left(maillage_fold(s.name || ' ' || c.name), 400)
   FROM communes c WHERE c.code = s.commune_code AND s.departement_code = ANY($1::varchar[])`,
];

/** Visits (one site in five) and committee meetings (six a year) of the départements given. */
const EXTRA_SQL = [
  `INSERT INTO site_visits (version, departement_code, site_id, purpose, status, planned_on, visited_on)
   SELECT 1, s.departement_code, s.id, 'follow_up', CASE WHEN n % 2 = 0 THEN 'done' ELSE 'planned' END,
     DATE '2026-01-05' + (n % 300)::int, CASE WHEN n % 2 = 0 THEN DATE '2026-01-05' + (n % 300)::int END
   FROM (SELECT id, departement_code, row_number() OVER (ORDER BY id) AS n FROM training_sites
         WHERE departement_code = ANY($1::varchar[])) s WHERE s.n % 5 = 0`,
  `INSERT INTO committee_meetings (version, departement_code, kind, status, held_on, title, location)
   SELECT 1, d.code, CASE WHEN g % 3 = 0 THEN 'strategic' ELSE 'follow_up' END, 'held',
     DATE '2024-01-15' + g * 61, 'Comité de suivi n° ' || g, 'Hôtel du Département'
   FROM departements d CROSS JOIN generate_series(1, 12) g WHERE d.code = ANY($1::varchar[])`,
];

interface Plan {
  sqlMs: number;
  statements: number;
  indexes: Set<string>;
  seqScan: boolean;
}

interface Measure {
  p50: number;
  p95: number;
  hits: number;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const { url, ds, close } = await openScratchDatabase({ prefix: 'maillage-bench-search-', database: 'bench' });
  try {
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '100000' });
    const loader = new TerritoryLoaderService(ds, config);
    await loader.load(['77']);
    const fill = async (departements: string[]) => {
      const report = await generateNationalDataset(ds, {
        sitesPerDepartement: SITES,
        professionalsPerDepartement: PROFESSIONALS,
        departements,
      });
      for (const sql of [...REALISTIC_SQL, ...EXTRA_SQL]) await ds.query(sql, [departements]);
      await ds.query('ANALYZE');
      return report;
    };
    const small = await fill(['77']);

    const app = await createApp(config, url, { quiet: true });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const users = app.get(UsersService);
    for (const [email, role, departementCode] of [
      ['bench.mo@bench.maillage.fr', 'mission_officer', '77'],
      ['bench.admin@bench.maillage.fr', 'admin', null],
    ] as const) {
      await users.create(SYSTEM_ACTOR, { email, displayName: 'Bench', role, departementCode, password: PASSWORD });
    }
    const officer = await login(base, 'bench.mo@bench.maillage.fr');
    const admin = await login(base, 'bench.admin@bench.maillage.fr');

    const phase77 = await measureAll(base, officer, QUERIES);
    const allCodes = allDepartementCodes();
    await loader.load(allCodes);
    const national = await fill(allCodes.filter((c) => c !== '77'));
    const counts = await ds.query<{ visits: number; meetings: number }[]>(
      `SELECT (SELECT count(*)::int FROM site_visits) AS visits, (SELECT count(*)::int FROM committee_meetings) AS meetings`,
    );
    const phaseFrance = await measureAll(base, officer, QUERIES);
    const phaseNational = await measureAll(
      base,
      admin,
      QUERIES.filter((q) => q.national),
    );
    const plans = await explainQueries(ds);
    await app.close();
    await ds.destroy();
    await writeSection(small, national, counts[0], phase77, phaseFrance, phaseNational, plans);
  } finally {
    await close();
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

async function measureAll(base: string, token: string, queries: typeof QUERIES): Promise<Map<string, Measure>> {
  const result = new Map<string, Measure>();
  for (const { name, q } of queries) {
    const path = `/api/search?q=${encodeURIComponent(q)}`;
    const once = async () => {
      const started = process.hrtime.bigint();
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const body = (await res.json()) as SearchResponse;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      return {
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        hits: body.groups.reduce((n, g) => n + g.hits.length, 0),
      };
    };
    for (let i = 0; i < 5; i++) await once();
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await once();
      times.push(r.ms);
      hits = r.hits;
    }
    times.sort((a, b) => a - b);
    result.set(name, { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)], hits });
  }
  return result;
}

/** The indexes each kind's statement uses for a 77 user, and whether a large table is read whole. */
/**
 * For each query, the statements the search runs for a user of the 77 (the exact pass, then the
 * fuzzy one when nothing matched exactly) under EXPLAIN ANALYZE: their execution time added up
 * (the database's share, less sensitive to the machine's load than the request times), the
 * indexes used, and whether a large table is read whole.
 */
async function explainQueries(ds: DataSource): Promise<Map<string, Plan>> {
  const plans = new Map<string, Plan>();
  for (const { name, q } of QUERIES) {
    const plan: Plan = { sqlMs: 0, statements: 0, indexes: new Set(), seqScan: false };
    let found = 0;
    for (const fuzzy of [false, true]) {
      if (fuzzy && found > 0) break;
      for (const kind of SEARCH_KINDS) {
        const params = new Params();
        const input = { folded: normalizeSearchText(q), departements: ['77'], limit: 6, cdomOnly: false, fuzzy };
        const rows = await ds.query<{ 'QUERY PLAN': string }[]>(
          `EXPLAIN (ANALYZE, BUFFERS) ${SEARCH_SQL[kind](input, params)}`,
          params.values,
        );
        const text = rows.map((r) => r['QUERY PLAN']).join('\n');
        plan.sqlMs += Number(/Execution Time: ([\d.]+) ms/.exec(text)?.[1] ?? 0);
        plan.statements++;
        for (const m of text.matchAll(/(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)/g)) {
          plan.indexes.add(m[1]);
        }
        plan.seqScan ||= LARGE_TABLES.test(text);
        found += Number(/^Limit .*?rows=(\d+) loops/m.exec(text)?.[1] ?? 0);
      }
    }
    plans.set(name, plan);
  }
  return plans;
}

async function writeSection(
  small: NationalDatasetReport,
  national: NationalDatasetReport,
  extra: { visits: number; meetings: number },
  phase77: Map<string, Measure>,
  phaseFrance: Map<string, Measure>,
  phaseNational: Map<string, Measure>,
  plans: Map<string, Plan>,
): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const f = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(1).replace('.', ','));
  const load = loadavg()
    .map((n) => n.toFixed(1).replace('.', ','))
    .join(' / ');
  const rows = QUERIES.map(({ name, q }) => {
    const a = phase77.get(name) as Measure;
    const b = phaseFrance.get(name) as Measure;
    const c = phaseNational.get(name);
    const plan = plans.get(name) as Plan;
    return `| ${name} | \`${q}\` | ${b.hits} | ${f(a.p50)} | ${f(b.p50)} | ${f(b.p95)} | ${f(plan.sqlMs)} (${plan.statements}) | ${f(c?.p50)} | ${f(c?.p95)} |`;
  });
  const planRows = QUERIES.map(({ name }) => {
    const plan = plans.get(name) as Plan;
    const indexes = [...plan.indexes].map((i) => `\`${i}\``).join(', ') || '—';
    return `| ${name} | ${indexes} | ${plan.seqScan ? '**oui**' : 'non'} |`;
  });
  const section = `${START}
## Search box: \`GET /api/search\` on a national dataset

Figures from \`npm run bench:search\` (tools/bench/search-bench.ts), run on ${date} on the same
shared machine, under a load average of ${load} on its 2 cores at the end of the run: the
request times carry that load, the SQL column (EXPLAIN ANALYZE, summed) less so. Phase "77": the
77 alone (${small.sites} sites, ${small.professionals} professionals, ${small.referrals} referrals,
visits and meetings). Phase "France": every département filled the same way, with French names
(${national.departements} départements, ${national.communes} communes, ${national.sites} sites,
${national.professionals} professionals, ${national.referrals} referrals, ${extra.visits} visits,
${extra.meetings} committee meetings). Each request searches every kind the user may read, six
kinds side by side (every word first, word similarity when nothing matched that way), through
the real API; ${REQUESTS} sequential requests per line.

| search | q | hits shown (France) | p50 77 (ms) | p50 France (ms) | p95 France (ms) | SQL France, 77 user (ms, statements) | p50 national admin (ms) | p95 national admin (ms) |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Indexes used by those statements (phase "France", a user of the 77), and whether a large table
is read whole:

| search | indexes | sequential scan of a large table |
| --- | --- | --- |
${planRows.join('\n')}
${END}`;
  await writeDocSection(join(process.cwd(), 'docs', 'benchmarks.md'), START, END, section);
  process.stdout.write(`${section}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
