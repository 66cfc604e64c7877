import type { Role } from '@maillage/shared/domain';

import { type ApiRoute, apiRoutes, type OpenApiDocument } from './support/api-routes';
import { IdPool, plausible } from './support/hostile-values';
import { DEMO_PASSWORD, idsOf, RESOURCE_TABLES, startTwoDepartements } from './support/two-departements';
import type { TestApp } from './test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Leak {
  role: string;
  request: string;
  status: number;
  why: string;
}

describe('object level: users of the 77 never read nor change the records of the 91', () => {
  let t: TestApp;
  let routes: ApiRoute[];
  let ids91: Map<string, string[]>;
  const every91 = new Set<string>();
  const tokens = new Map<Role, string>();

  /** Rows of the 91 in every scoped table: nothing a 77 user does may change them. */
  async function fingerprint91(): Promise<string> {
    const tables = await t.db.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'departement_code' ORDER BY table_name`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await t.db.query<{ c: string }[]>(
        `SELECT count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS c
           FROM "${table_name}" x WHERE departement_code = '91'`,
      );
      parts.push(`${table_name}=${row.c}`);
    }
    return parts.join(' ');
  }

  beforeAll(async () => {
    t = await startTwoDepartements();
    for (const [role, email] of [
      ['mission_officer', 'chargee.mission@demo.maillage.fr'],
      ['cdom', 'cdom@demo.maillage.fr'],
      ['departement', 'departement@demo.maillage.fr'],
      ['committee', 'comite@demo.maillage.fr'],
    ] as const) {
      tokens.set(role, await t.login(email, DEMO_PASSWORD));
    }
    tokens.set('admin', await t.tokenFor('admin', { departementCode: '77', email: 'admin.77@test.maillage.fr' }));
    routes = apiRoutes(t.app, (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument);
    ids91 = await idsOf(t, '91');
    const tables = await t.db.query<{ table_name: string }[]>(
      `SELECT c.table_name FROM information_schema.columns c
         JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name = 'id'
        WHERE c.table_schema = 'public' AND c.column_name = 'departement_code'`,
    );
    for (const { table_name } of tables) {
      const rows = await t.db.query<{ id: string }[]>(
        `SELECT id::text FROM "${table_name}" WHERE departement_code = '91'`,
      );
      for (const r of rows) every91.add(r.id);
    }
  }, 180_000);
  afterAll(() => t.close());

  it('has both départements fully seeded', () => {
    for (const [resource, ids] of ids91) expect({ resource, some: ids.length > 0 }).toEqual({ resource, some: true });
  });

  it('counts no leak over every route, every role, every kind of record', async () => {
    const before = await fingerprint91();
    const pool91 = new IdPool();
    for (const [resource, ids] of ids91) pool91.add(resource, ids);
    const leaks: Leak[] = [];
    let requests = 0;

    const send = async (role: Role, route: ApiRoute, url: string, body?: object) => {
      const test = t
        .http()
        [route.method](url)
        .set('Authorization', `Bearer ${tokens.get(role)}`);
      const res = body ? await test.send(body) : await test;
      requests++;
      return res;
    };
    const foreignIdsIn = (text: string) => [...new Set(text.match(UUID) ?? [])].filter((id) => every91.has(id));
    const bodyFor = (route: ApiRoute, extra: Record<string, unknown> = {}) =>
      route.body
        ? {
            ...Object.fromEntries(
              route.body.filter((f) => f.name !== 'departementCode').map((f) => [f.name, plausible(f, pool91)]),
            ),
            ...extra,
          }
        : undefined;

    for (const route of routes) {
      const resource = /^\/api\/([\w-]+)/.exec(route.path)?.[1] ?? '';
      for (const role of tokens.keys()) {
        if (route.path === '/api/auth/logout' || route.path === '/api/auth/password') continue;
        if (route.pathParams.includes('id') && RESOURCE_TABLES[resource]) {
          // 1. A record of the 91 by its id: read, edit, act on it.
          for (const id of (ids91.get(resource) ?? []).slice(0, 3)) {
            const url = route.path.replace('{id}', id);
            const res = await send(role, route, url, bodyFor(route, route.body ? { version: 1 } : {}));
            const label = `${route.method.toUpperCase()} ${url}`;
            if (res.status < 300) leaks.push({ role, request: label, status: res.status, why: 'answered' });
            else if (foreignIdsIn(JSON.stringify(res.body)).length > 0) {
              leaks.push({ role, request: label, status: res.status, why: 'id of the 91 in the answer' });
            }
          }
        } else if (route.pathParams.length === 0 && route.method === 'get') {
          // 2. Lists and figures, plain and filtered by ids of the 91.
          const filters = route.queryParams.filter((q) =>
            /^(site|siteId|professional|professionalId|visit|visitId|owner|ownerId|assignedTo|referredBy|entityId|meeting|a|b)$/.test(
              q,
            ),
          );
          const snapshot91 = ids91.get('offer-snapshots')?.[0] ?? '';
          const urls = [
            `${route.path}?pageSize=200`,
            route.path,
            ...filters.map((q) => `${route.path}?${q}=${q === 'a' || q === 'b' ? snapshot91 : pool91.forField(q)}`),
          ];
          for (const url of urls) {
            const res = await send(role, route, url);
            const found = foreignIdsIn(typeof res.text === 'string' ? res.text : '');
            if (found.length > 0)
              leaks.push({ role, request: `GET ${url}`, status: res.status, why: `ids of the 91: ${found.length}` });
            if (res.status < 300 && /"departementCode":"91"/.test(res.text ?? '')) {
              leaks.push({ role, request: `GET ${url}`, status: res.status, why: 'record of the 91' });
            }
          }
        } else if (route.pathParams.length === 0 && route.method === 'post' && route.body) {
          // 3. Creates in the 91, or linked to records of the 91.
          const attempts = [
            bodyFor(route, { departementCode: '91' }),
            ...route.body
              .filter((f) => f.rules.has('isUuid'))
              .map((f) => bodyFor(route, { [f.name]: plausible(f, pool91) })),
          ];
          for (const body of attempts) {
            const res = await send(role, route, route.path, body);
            const text = JSON.stringify(res.body);
            if (res.status < 300 && (/"departementCode":"91"/.test(text) || foreignIdsIn(text).length > 0)) {
              leaks.push({
                role,
                request: `POST ${route.path} ${JSON.stringify(body).slice(0, 80)}`,
                status: res.status,
                why: 'created in or linked to the 91',
              });
            }
          }
        }
      }
    }
    const after = await fingerprint91();
    if (after !== before)
      leaks.push({ role: '*', request: '(all requests)', status: 0, why: 'rows of the 91 changed' });
    process.stdout.write(
      `Cross-département: ${requests} requests by the 77's five roles against the 91, ${leaks.length} leaks\n`,
    );
    if (leaks.length > 0) process.stdout.write(`${JSON.stringify(leaks.slice(0, 40), null, 1)}\n`);
    expect(requests).toBeGreaterThan(1_000);
    expect(leaks).toEqual([]);
  }, 600_000);

  it('lets a user of the 91 create a professional whose RPPS is already in the 77, without telling', async () => {
    const [existing] = await t.db.query<{ rpps: string }[]>(
      `SELECT rpps FROM professionals WHERE departement_code = '77' AND rpps IS NOT NULL AND archived_at IS NULL LIMIT 1`,
    );
    const officer91 = await t.login('d91.chargee.mission@demo.maillage.fr', DEMO_PASSWORD);
    const res = await t
      .http()
      .post('/api/professionals')
      .set('Authorization', `Bearer ${officer91}`)
      .send({ firstName: 'Claire', lastName: 'Deux-Départements', rpps: existing.rpps });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ departementCode: '91', rpps: existing.rpps });
    // In its own département, the same RPPS is still refused.
    const again = await t
      .http()
      .post('/api/professionals')
      .set('Authorization', `Bearer ${officer91}`)
      .send({ firstName: 'Claire', lastName: 'Doublon', rpps: existing.rpps });
    expect(again.status).toBe(409);
  });
});
