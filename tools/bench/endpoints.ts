/**
 * What the benchmark measures — the requests of a mission officer of the 77 — and how the SQL of
 * each one is captured from the API (sql-trace.ts) to be replayed by the raw handler.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Client } from 'pg';

import type { RequestSpec } from './load';
import { type Placeholder, type ReplayEndpoint, toStages, withPlaceholders } from './replay';
import type { TracedStatement } from './sql-trace';

export interface Endpoint {
  key: string;
  label: string;
  /** Lists, detail and PATCH: API / raw ≥ 0.7 and p99 < 50 ms; dashboard and map: p99 < 50 ms. */
  budget: 'ratio' | 'latency' | 'none';
  spec(context: BenchContext): RequestSpec;
}

export interface BenchContext {
  token: string;
  email: string;
  password: string;
  /** The 77 site of the detail (the one with the most professionals). */
  siteId: string;
  patch: PatchTargets;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const json = { 'content-type': 'application/json' };

function authed(context: BenchContext, key: string): Record<string, string> {
  return { authorization: `Bearer ${context.token}`, 'x-bench-endpoint': key };
}

const get =
  (key: string, path: (c: BenchContext) => string) =>
  (context: BenchContext): RequestSpec => ({ method: 'GET', path: path(context), headers: authed(context, key) });

export const ENDPOINTS: Endpoint[] = [
  {
    key: 'sites',
    label: 'sites, active, sorted by name',
    budget: 'ratio',
    spec: get('sites', () => '/api/sites?status=active&sort=name:asc'),
  },
  {
    key: 'professionals',
    label: 'professionals, MSU active',
    budget: 'ratio',
    spec: get('professionals', () => '/api/professionals?msuStage=active'),
  },
  {
    key: 'accreditations',
    label: 'accreditations expiring',
    budget: 'ratio',
    spec: get('accreditations', () => '/api/accreditations?validity=expiring_soon'),
  },
  { key: 'site', label: 'site detail', budget: 'ratio', spec: get('site', (c) => `/api/sites/${c.siteId}`) },
  { key: 'dashboard', label: 'dashboard', budget: 'latency', spec: get('dashboard', () => '/api/dashboard') },
  { key: 'map', label: 'map', budget: 'latency', spec: get('map', () => '/api/map') },
  {
    key: 'patch-site',
    label: 'PATCH site (If-Match)',
    budget: 'ratio',
    spec: (context) => ({
      method: 'PATCH',
      path: '/api/sites/:id',
      headers: { ...authed(context, 'patch-site'), ...json },
      body: JSON.stringify({ notes: 'Accès vérifié lors de la visite.' }),
      next: () => context.patch.next(),
    }),
  },
  {
    key: 'login',
    label: 'login',
    budget: 'none',
    spec: (context) => ({
      method: 'POST',
      path: '/api/auth/login',
      headers: { 'x-bench-endpoint': 'login', ...json },
      body: JSON.stringify({ email: context.email, password: context.password }),
    }),
  },
];

/**
 * The sites a PATCH run edits, in turn, each with the version it has now: a site comes back
 * after all the others, long after its previous edit has answered (more sites than connections).
 */
export class PatchTargets {
  private versions = new Map<string, number>();
  private ids: string[] = [];
  private index = 0;

  constructor(private readonly db: Client) {}

  /** Reads the current versions (after a run: an edit refused would shift them). */
  async sync(): Promise<void> {
    const rows = await this.db.query<{ id: string; version: number }>(
      `SELECT id, version FROM training_sites WHERE departement_code = '77' AND archived_at IS NULL ORDER BY id LIMIT 400`,
    );
    this.ids = rows.rows.map((r) => r.id);
    this.versions = new Map(rows.rows.map((r) => [r.id, r.version]));
  }

  next(): { path: string; headers: Record<string, string>; id: string; version: number } {
    const id = this.ids[this.index++ % this.ids.length];
    const version = this.versions.get(id) as number;
    this.versions.set(id, version + 1);
    return { id, version, path: `/api/sites/${id}`, headers: { 'if-match': `"${version}"` } };
  }
}

export interface Captured {
  endpoint: ReplayEndpoint;
  /** The statements as they ran (with their parameters), for the plans. */
  statements: TracedStatement[];
}

/**
 * Sends each endpoint's request to the API running with the SQL trace (twice to warm it up, then
 * once more, captured) and turns the statements of the captured request into a replay.
 */
export async function captureAll(base: string, traceFile: string, context: BenchContext): Promise<Captured[]> {
  const captured: Captured[] = [];
  for (const endpoint of ENDPOINTS) {
    let last: { status: number; body: string; placeholders: Partial<Record<Placeholder, string>> } | null = null;
    let offset = 0;
    for (let i = 0; i < 3; i++) {
      offset = statSync(traceFile).size;
      last = await send(base, endpoint.spec(context), context);
      if (last.status < 200 || last.status >= 300) {
        throw new Error(`${endpoint.key}: ${last.status} ${last.body.slice(0, 300)}`);
      }
    }
    // Statements logged after the answer (none expected) still belong to the request.
    await new Promise((r) => setTimeout(r, 200));
    const statements = readFileSync(traceFile)
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as TracedStatement);
    const placeholders = last?.placeholders ?? {};
    captured.push({
      endpoint: {
        key: endpoint.key,
        stages: withPlaceholders(toStages(statements), placeholders),
        verifyPassword: endpoint.key === 'login',
      },
      statements,
    });
  }
  return captured;
}

async function send(
  base: string,
  spec: RequestSpec,
  context: BenchContext,
): Promise<{ status: number; body: string; placeholders: Partial<Record<Placeholder, string>> }> {
  const placeholders: Partial<Record<Placeholder, string>> = {};
  let path = spec.path;
  let headers = spec.headers;
  if (spec.next) {
    const target = context.patch.next();
    path = target.path;
    headers = { ...headers, ...target.headers };
    placeholders.siteId = target.id;
    placeholders.version = String(target.version);
  }
  if (headers['authorization']) placeholders.tokenHash = sha256(context.token);
  const res = await fetch(`${base}${path}`, { method: spec.method, headers, body: spec.body });
  const body = await res.text();
  if (spec.path === '/api/auth/login' && res.ok) {
    placeholders.newTokenHash = sha256((JSON.parse(body) as { accessToken: string }).accessToken);
  }
  return { status: res.status, body, placeholders };
}
