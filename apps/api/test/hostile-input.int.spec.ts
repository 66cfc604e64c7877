import fc from 'fast-check';
import type { Response } from 'supertest';

import { seedDemoData } from '../src/bootstrap';
import { type ApiRoute, apiRoutes, type OpenApiDocument } from './support/api-routes';
import { differences, fingerprint, nextXid, type TableFingerprint } from './support/db-fingerprint';
import { criticalRequestsFor, type HostileRequest, IdPool, requestsFor } from './support/hostile-values';
import { startTestApp, type TestApp } from './test-app';

/** Seeded: a failure names the request, and the same run reproduces it. */
const SEED = 120_077;
/** Random requests per route, on top of the systematic ones (`criticalRequestsFor`). */
const REQUESTS_PER_ROUTE = 20;
const DEMO_PASSWORD = 'demo-maillage-77';

/** Words of the French messages of the API (English defaults of the frameworks contain none). */
const FRENCH =
  /[àâçéèêëîïôûùüœ’«]|\b(le|la|les|un|une|des|du|de|est|sont|au|ou|et|attendue?s?|invalide|obligatoire|introuvable|trop|maximum|minimum|possibles?|refusée?|réessayez)\b/i;
const ENGLISH = /\b(must|should|cannot|not found|unexpected|internal server error|forbidden resource)\b/i;

interface Failure {
  request: string;
  status: number;
  problem: string;
}

function frenchMessage(body: unknown): boolean {
  const message = (body as { message?: unknown })?.message;
  const texts = Array.isArray(message) ? message : [message];
  return texts.length > 0 && texts.every((t) => typeof t === 'string' && FRENCH.test(t) && !ENGLISH.test(t));
}

describe('hostile input over every route of the OpenAPI document (fast-check, real PostgreSQL)', () => {
  let t: TestApp;
  let routes: ApiRoute[];
  const ids = new IdPool();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, '77');
    for (const role of ['chargee.mission', 'admin', 'cdom']) {
      tokens.set(role, await t.login(`${role}@demo.maillage.fr`, DEMO_PASSWORD));
    }
    const document = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    routes = apiRoutes(t.app, document);
    const officer = tokens.get('chargee.mission') as string;
    for (const route of routes.filter((r) => r.method === 'get' && /^\/api\/[\w-]+$/.test(r.path))) {
      const res = await t.http().get(route.path).set('Authorization', `Bearer ${officer}`);
      const items = (res.body as { items?: { id?: unknown }[] }).items ?? [];
      ids.add(
        route.path.slice('/api/'.length),
        items.flatMap((i) => (typeof i.id === 'string' ? [i.id] : [])),
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  /** The role that may call the route, found by asking (the mission officer first). */
  async function tokenFor(route: ApiRoute, url: string): Promise<string> {
    for (const role of ['chargee.mission', 'admin', 'cdom']) {
      const token = tokens.get(role) as string;
      const res = await t.http()[route.method](url.split('?')[0]).set('Authorization', `Bearer ${token}`);
      if (res.status !== 403) return token;
    }
    return tokens.get('admin') as string;
  }

  async function send(request: HostileRequest, token: string): Promise<Response> {
    let test = t.http()[request.route.method](request.url).set('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(request.headers)) test = test.set(name, value);
    if (request.body && 'raw' in request.body) {
      if (!request.headers['Content-Type']) test = test.set('Content-Type', 'application/json');
      return test.send(request.body.raw);
    }
    if (request.body) return test.send(request.body.json as object);
    return test;
  }

  it('never answers 5xx, answers 4xx in French with the error body and headers, and changes nothing when it refuses', async () => {
    const failures: Failure[] = [];
    let tried = 0;
    const statuses = new Map<number, number>();
    let fiveHundreds = 0;
    const query = (sql: string, p?: unknown[]) => t.db.query(sql, p);
    let baseline: Record<string, TableFingerprint> = await fingerprint(query);
    let baselineStale = false;

    for (const route of routes.filter((r) => r.path !== '/api/auth/logout')) {
      const token = await tokenFor(
        route,
        route.path.replace(/\{(\w+)\}/g, (_, n: string) => ids.forPath(route.path) ?? n),
      );
      // The probe may have written (a POST without body that is valid): check from a fresh baseline.
      if (route.method !== 'get') baselineStale = true;
      const requests = [
        ...criticalRequestsFor(route, ids),
        ...fc.sample(requestsFor(route, ids), { seed: SEED + tried, numRuns: REQUESTS_PER_ROUTE }),
      ];
      for (const request of requests) {
        const write = route.method !== 'get';
        if (write && baselineStale) {
          baseline = await fingerprint(query);
          baselineStale = false;
        }
        const xidBefore = write ? await nextXid(t.db) : '';
        const res = await send(request, token);
        tried++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const label = `${route.method.toUpperCase()} ${request.url.slice(0, 120)} — ${request.what}`;
        if (res.status >= 500) {
          fiveHundreds++;
          failures.push({ request: label, status: res.status, problem: JSON.stringify(res.body).slice(0, 200) });
          continue;
        }
        if (res.headers['x-content-type-options'] !== 'nosniff' || res.headers['cache-control'] !== 'no-store') {
          failures.push({ request: label, status: res.status, problem: 'security headers missing' });
        }
        if (res.status >= 400) {
          const body = res.body as { statusCode?: number; error?: unknown };
          if (body.statusCode !== res.status || typeof body.error !== 'string' || !frenchMessage(res.body)) {
            failures.push({
              request: label,
              status: res.status,
              problem: `error body: ${JSON.stringify(res.body).slice(0, 200)}`,
            });
          }
          if (write && (await nextXid(t.db)) !== xidBefore) {
            // Some transaction wrote (or rolled back): the data must still be the baseline.
            const changed = differences(baseline, await fingerprint(query));
            if (changed.length > 0) {
              failures.push({ request: label, status: res.status, problem: `changed ${changed.join(', ')}` });
              baselineStale = true;
            }
          }
        } else if (write) {
          baselineStale = true;
        }
      }
    }
    process.stdout.write(
      `Hostile input: ${tried} requests over ${routes.length} routes, ${fiveHundreds} answered 5xx, ${failures.length} failures\n` +
        `  answers: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}\n`,
    );
    expect(tried).toBeGreaterThanOrEqual(routes.length * REQUESTS_PER_ROUTE - REQUESTS_PER_ROUTE);
    if (failures.length > 0) process.stdout.write(`${JSON.stringify(failures, null, 1)}\n`);
    expect(failures).toEqual([]);
  }, 600_000);
});
