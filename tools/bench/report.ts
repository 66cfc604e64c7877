/**
 * docs/benchmarks.md (everything above `<!-- hand-written -->` is regenerated, the analysis below
 * it is kept) and docs/explain-plans.md (the plans of the captured SQL).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';

import type { DatasetSizes } from './dataset-cache';
import type { Endpoint } from './endpoints';
import { percentile } from './load';
import type { InitialJs, LighthouseRun } from './web-delivery';

const HAND_WRITTEN = '<!-- hand-written -->';
const docs = join(__dirname, '..', '..', 'docs');

export interface TargetFigures {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface Row {
  endpoint: Endpoint;
  connections: number;
  statements: number;
  api: TargetFigures;
  raw: TargetFigures;
  load: number;
}

export interface PageScore {
  page: string;
  path: string;
  median: LighthouseRun;
  scores: number[];
}

export interface BenchResult {
  date: string;
  seconds: number;
  rounds: number;
  sizes: DatasetSizes;
  rows: Row[];
  lighthouse: PageScore[];
  initialJs: InitialJs;
  load: { start: number[]; end: number[]; min: number; max: number };
  minutes: number;
}

export function figures(
  samples: { latencies: number[]; requests: number; seconds: number; failures: number }[],
): TargetFigures {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures: samples.reduce((n, s) => n + s.failures, 0),
  };
}

/** A figure, or "—" when a run got no response at all (e.g. logins at 50 connections under load). */
const shown = (n: number, text: string) => (Number.isFinite(n) ? text : '—');
const n0 = (n: number) => shown(n, Math.round(n).toString());
const n1 = (n: number) => shown(n, n.toFixed(1));

function verdict(row: Row): string {
  const p99Ok = row.connections !== 10 || row.api.p99 < 50;
  const ratio = row.api.rps / row.raw.rps;
  if (row.endpoint.budget === 'none') return '—';
  if (row.endpoint.budget === 'latency') return row.connections === 10 ? (p99Ok ? 'ok' : '**p99**') : '—';
  const faults = [ratio >= 0.7 ? null : '**ratio**', p99Ok ? null : '**p99**'].filter(Boolean);
  return faults.length ? faults.join(', ') : 'ok';
}

export function table(rows: readonly Row[]): string {
  const header =
    '| endpoint (77 user) | conns | SQL | raw req/s | API req/s | API / raw | raw p50 ms | API p50 ms | raw p99 ms | API p99 ms | failures | load | budget |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
  const lines = rows.map((r) =>
    [
      r.endpoint.label,
      r.connections,
      r.statements,
      n0(r.raw.rps),
      n0(r.api.rps),
      shown(r.api.rps / r.raw.rps, (r.api.rps / r.raw.rps).toFixed(2)),
      n1(r.raw.p50),
      n1(r.api.p50),
      n1(r.raw.p99),
      n1(r.api.p99),
      r.api.failures + r.raw.failures,
      r.load.toFixed(2),
      verdict(r),
    ].join(' | '),
  );
  return [header, ...lines.map((l) => `| ${l} |`)].join('\n');
}

export function lighthouseTable(pages: readonly PageScore[]): string {
  const header =
    '| page | score (median) | scores | FCP ms | LCP ms | TBT ms | CLS | speed index ms | transferred kB |\n' +
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = pages.map(({ page, path, median: m, scores }) =>
    [
      `${page} (\`${path}\`)`,
      m.score,
      scores.join(', '),
      n0(m.fcpMs),
      n0(m.lcpMs),
      n0(m.tbtMs),
      m.cls.toFixed(3),
      n0(m.speedIndexMs),
      n0(m.transferKb),
    ].join(' | '),
  );
  return [header, ...lines.map((l) => `| ${l} |`)].join('\n');
}

export function initialJsLine(js: InitialJs): string {
  return (
    `Initial JavaScript (main and its static imports, ${js.files.length} files): ${n1(js.rawKb)} kB raw, ` +
    `**${n1(js.brotliKb)} kB brotli**, ${n1(js.gzipKb)} kB gzip; beside it index.html preloads the signed-in ` +
    `shell's chunks, ${n1(js.preloadedBrotliKb)} kB brotli.`
  );
}

export async function writeBenchmarks(result: BenchResult): Promise<string> {
  const s = result.sizes;
  const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const generated = `# Benchmarks

Figures from \`npm run bench\` (tools/bench/bench.ts), run on ${result.date} in ${result.minutes.toFixed(1)} minutes on
the development machine (${cpus().length} cores, shared with other engineers: compare ratios, not absolute times).
Load average (1 / 5 / 15 min) at the start: ${loads(result.load.start)}; at the end: ${loads(result.load.end)};
1-minute load seen during the measures: ${result.load.min.toFixed(2)} to ${result.load.max.toFixed(2)}.

**Dataset** (tools/bench/national-dataset.ts and fieldwork-dataset.ts, built once and kept in \`tmp/bench\`):
${s.departements} départements, ${s.communes} communes, ${s.sites} sites, ${s.professionals} professionals,
${s.accreditations} accreditations, ${s.visits} visits, ${s.accessIssues} access issues, ${s.referrals} referrals.

## The API against raw PostgreSQL

Every request is made by a mission officer of the 77. The built API (\`dist/apps/api/main.js\`,
production settings, logs on) first answers each request with its SQL traced (tools/bench/sql-trace.ts):
the statements of the third request are captured. A minimal \`node:http\` + \`pg\` handler
(tools/bench/raw-server.ts, pool of 10 like the API) then answers the same request by replaying
exactly that SQL — same statements, same order, the statements the API had in flight together sent
together, the same session lookup and the same page — and writes the rows as JSON. Per request it
only substitutes the session token's hash, the PATCH's site and version, and a login's new token (and
checks the password with Argon2, as the API does). Both are driven by autocannon, interleaved
(API, raw, raw, API: ${result.rounds * 2} runs of ${result.seconds} s per endpoint and number of
connections, each after a 1 s warm-up of the same target, so that both start with open
connections); percentiles are over every response of those runs. The
PATCH edits 400 sites of the 77 in turn with their current version (\`If-Match\`). "SQL" is the
number of statements of one request; "load" the 1-minute load average after the pair of runs.
Budgets: lists, detail and PATCH API / raw ≥ 0.7, and p99 < 50 ms at 10 connections; dashboard and
map p99 < 50 ms at 10 connections.

${table(result.rows)}

## The browser

Lighthouse ${lighthouseVersion()} (desktop preset, performance only) with Debian's Chromium, signed in as the
same user (session cookie), served by the same API instance; median of three runs per page.

${lighthouseTable(result.lighthouse)}

${initialJsLine(result.initialJs)}

Query plans of the captured SQL: [explain-plans.md](explain-plans.md).
`;
  const file = resolve(process.env['BENCH_DOC'] ?? join(docs, 'benchmarks.md'));
  const kept = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = kept.indexOf(HAND_WRITTEN);
  const doc = at >= 0 ? `${generated}\n${kept.slice(at)}` : `${generated}\n${HAND_WRITTEN}\n`;
  writeFileSync(file, await format(doc, { ...(await resolveConfig(file)), filepath: file }));
  return generated;
}

export async function writePlans(
  date: string,
  plans: { endpoint: string; sql: string; plan: string }[],
): Promise<void> {
  const file = join(docs, 'explain-plans.md');
  const sections = plans.map(
    ({ endpoint, sql, plan }) => `### ${endpoint}\n\n\`\`\`sql\n${sql.trim()}\n\`\`\`\n\n\`\`\`\n${plan}\n\`\`\`\n`,
  );
  const seqScans = plans.filter((p) => /Seq Scan on (?!pg_)/.test(p.plan)).map((p) => p.endpoint);
  const doc = `# Query plans of the benchmark

\`npm run bench\` (tools/bench/bench.ts), ${date}: every read statement the API sent for the measured
requests (the SQL the raw handler replays), run again with the captured parameters under
\`EXPLAIN (ANALYZE, BUFFERS)\` on the national dataset.
${seqScans.length ? `Sequential scans in: ${[...new Set(seqScans)].join(', ')}.` : 'No plan scans a table sequentially.'}

${sections.join('\n')}`;
  writeFileSync(file, await format(doc, { ...(await resolveConfig(file)), filepath: file }));
}

function lighthouseVersion(): string {
  const pkg = join(__dirname, '..', '..', 'node_modules', 'lighthouse', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
