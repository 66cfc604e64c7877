import fc from 'fast-check';

import type { ApiRoute, FieldSpec } from './api-routes';

/** Values that broke, or could break, a layer between the socket and PostgreSQL. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'Melun\u0000',
  '\uD800',
  'a\uDC00b',
  '',
  '   ',
  'x'.repeat(5_000),
  '99999999999999999999',
  '2147483648',
  '-2147483649',
  '1e308',
  '-1',
  'NaN',
  'Infinity',
  '2024-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-13-45',
  '25:61',
  '١٢٣',
  '😀🏥',
  "' OR 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
];

export const HOSTILE_NUMBERS = [
  2147483648,
  -2147483649,
  1e308,
  -1e308,
  0,
  -1,
  1.5,
  2 ** 53 + 2,
  32768,
  -32769,
  5e-324,
  4294967296,
];

/** A JSON value nested `depth` levels deep (arrays or objects). */
export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], ['\u0000'], { a: '\u0000' }),
  fc.constantFrom(nested(40, 'array'), nested(40, 'object'), nested(2_000, 'array')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.constantFrom(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS), { maxLength: 4 }),
);

/** A plausible value for a field, from its name and its rules, so that other fields get checked further. */
export function plausible(field: FieldSpec, ids: IdPool): unknown {
  const rules = field.rules;
  const name = field.name;
  const allowed = rules.get('isIn')?.[0];
  if (Array.isArray(allowed) && allowed.length > 0) return rules.has('isArray') ? [allowed[0]] : allowed[0];
  if (rules.has('isBoolean')) return false;
  if (rules.has('isInt') || rules.has('isNumber')) {
    const min = Number(rules.get('min')?.[0] ?? 1);
    if (name === 'version') return 1;
    if (/year/i.test(name)) return 2026;
    return Math.max(min, 1);
  }
  if (rules.has('isUuid')) {
    const id = ids.forField(name);
    return rules.has('isArray') ? [id] : id;
  }
  if (rules.has('isEmail')) return 'fuzz.test@exemple.fr';
  if (rules.has('nestedValidation')) return rules.has('isArray') ? [] : {};
  if (rules.has('isArray')) return [];
  const sample = NAMED_SAMPLES.find(([pattern]) => pattern.test(name));
  if (sample) return sample[1];
  return 'Texte de test';
}

const NAMED_SAMPLES: [RegExp, unknown][] = [
  [/departementCode/, '77'],
  [/communeCode/, '77288'],
  [/rpps/i, '10003382731'],
  [/siret/i, '73282932000074'],
  [/postalCode/, '77000'],
  [/semester/i, '2027-S1'],
  [/Time$/, '09:30'],
  [/(On|Date|From|To|Since|date|from|to)$/, '2027-03-15'],
  [/password/i, 'Fuzz-correct-horse-42!'],
];

/** Ids of existing records, by the resource they belong to, to reach past "not found". */
export class IdPool {
  private readonly byResource = new Map<string, string[]>();

  add(resource: string, ids: string[]): void {
    if (ids.length > 0) this.byResource.set(resource, ids);
  }

  forPath(path: string): string | undefined {
    const resource = /^\/api\/([\w-]+)/.exec(path)?.[1] ?? '';
    return this.byResource.get(resource)?.[0];
  }

  forField(field: string): string {
    const resource = FIELD_RESOURCES.find(([pattern]) => pattern.test(field))?.[1];
    const ids = (resource ? this.byResource.get(resource) : undefined) ?? [...this.byResource.values()][0] ?? [];
    return ids[0] ?? '00000000-0000-4000-8000-000000000000';
  }
}

const FIELD_RESOURCES: [RegExp, string][] = [
  [/site/i, 'sites'],
  [/professional|msu/i, 'professionals'],
  [/visit/i, 'site-visits'],
  [/(user|owner|assigned|attendee)/i, 'users'],
  [/referral/i, 'candidate-referrals'],
  [/intent/i, 'installation-intents'],
  [/measure/i, 'support-measures'],
  [/issue/i, 'access-issues'],
  [/snapshot/i, 'offer-snapshots'],
  [/meeting/i, 'committee-meetings'],
  [/task/i, 'tasks'],
];

export interface HostileRequest {
  route: ApiRoute;
  url: string;
  headers: Record<string, string>;
  /** Raw text sent as is (with its own content type), or a JSON value. */
  body?: { raw: string } | { json: unknown };
  /** What the generator changed, for the failure report. */
  what: string;
}

const PATH_VALUES = [
  'not-a-uuid',
  '%00',
  'a%00b',
  '1e308',
  '-1',
  '2147483648',
  '99999999999999999999',
  'x'.repeat(300),
];
const QUERY_VALUES = [
  '1e308',
  '99999999999999999999',
  '2147483648',
  '-1',
  '0',
  '1.5',
  'abc',
  '',
  '%00',
  'a%00b',
  '%25%5F%5C',
  'x'.repeat(200),
  'true',
  'name:desc',
  '__proto__:asc',
  '2026-02-30',
];
const RAW_BODIES: [string, string][] = [
  ['application/json', '{"a":'],
  ['application/json', 'null'],
  ['application/json', '123'],
  ['application/json', '"texte"'],
  ['application/json', '[]'],
  ['application/json', '[1,2,3]'],
  ['application/json', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}'],
  ['application/json', '{"version":1,"__proto__":null}'],
  ['application/json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['application/json', `{"a":"${'x'.repeat(1_100_000)}"}`],
  ['application/json', '{"version":2147483648}'],
  ['application/json', '{"version":1e308}'],
  ['application/json; charset=latin1', '{"a":1}'],
  ['application/json; charset=utf-16', '{"a":1}'],
  ['text/plain', '{"version":1}'],
  ['application/x-www-form-urlencoded', 'version=1'],
  ['application/xml', '<a/>'],
];
const IF_MATCH_VALUES = ['abc', '"-1"', '"99999999999"', 'W/"1"', '*', '"1", "2"', '', '"2147483648"'];
const ENCODINGS = ['gzip', 'deflate', 'br', 'compress', 'zstd', 'x-unknown'];
const EXTRA_QUERY_NAMES = ['page', 'pageSize', 'sort', 'q', 'year', 'from', 'to', 'departementCode', 'unknownField'];

function fillPath(route: ApiRoute, ids: IdPool, override?: [string, string]): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (override && override[0] === name) return override[1];
    if (name === 'semester') return '2026-S2';
    if (name === 'code') return '77288';
    return ids.forPath(route.path) ?? '00000000-0000-4000-8000-000000000000';
  });
}

/** The request generator of one route: path, query, body and header mutations. */
export function requestsFor(route: ApiRoute, ids: IdPool): fc.Arbitrary<HostileRequest> {
  const base = (): string => fillPath(route, ids);
  const template = (): Record<string, unknown> =>
    Object.fromEntries(
      (route.body ?? []).filter((f) => f.name !== 'departementCode').map((f) => [f.name, plausible(f, ids)]),
    );
  const variants: fc.Arbitrary<HostileRequest>[] = [];
  if (route.pathParams.length > 0) {
    variants.push(
      fc.tuple(fc.constantFrom(...route.pathParams), fc.constantFrom(...PATH_VALUES)).map(([name, value]) => ({
        route,
        url: fillPath(route, ids, [name, value]),
        headers: {},
        body: route.body ? { json: template() } : undefined,
        what: `path ${name}=${value.slice(0, 30)}`,
      })),
    );
  }
  const queryNames = [...new Set([...route.queryParams, ...(route.method === 'get' ? EXTRA_QUERY_NAMES : [])])];
  if (queryNames.length > 0) {
    variants.push(
      fc
        .tuple(fc.constantFrom(...queryNames), fc.constantFrom(...QUERY_VALUES), fc.boolean())
        .map(([name, value, twice]) => ({
          route,
          url: `${base()}?${name}=${value}${twice ? `&${name}=${value}` : ''}`,
          headers: {},
          body: route.body ? { json: template() } : undefined,
          what: `query ${name}=${value.slice(0, 30)}${twice ? ' (twice)' : ''}`,
        })),
    );
  }
  if (route.body) {
    const names = [...(route.body.map((f) => f.name) ?? []), 'unknownField', '__proto__', 'constructor'];
    variants.push(
      fc.tuple(fc.constantFrom(...names), hostileValue).map(([name, value]) => {
        const json = template();
        Object.defineProperty(json, name, { value, enumerable: true, configurable: true, writable: true });
        return { route, url: base(), headers: {}, body: { json }, what: `body ${name}=${describe(value)}` };
      }),
      fc.constantFrom(...RAW_BODIES).map(([type, raw]) => ({
        route,
        url: base(),
        headers: { 'Content-Type': type },
        body: { raw },
        what: `raw ${type} ${raw.slice(0, 30)}`,
      })),
      fc.constantFrom(...ENCODINGS).map((encoding) => ({
        route,
        url: base(),
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
        body: { raw: '{"version":1}' },
        what: `Content-Encoding ${encoding}`,
      })),
    );
  }
  if (route.hasIfMatch || route.body) {
    variants.push(
      fc.constantFrom(...IF_MATCH_VALUES).map((value) => ({
        route,
        url: base(),
        headers: { 'If-Match': value },
        body: route.body ? { json: template() } : undefined,
        what: `If-Match ${value}`,
      })),
    );
  }
  if (variants.length === 0) {
    variants.push(fc.constant({ route, url: base(), headers: {}, what: 'as documented' }));
  }
  return fc.oneof(...variants);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Values that broke a layer before: each is tried on every field of every route, not left to chance. */
const CRITICAL_QUERY = ['2147483648', '1e308', '99999999999999999999', 'a%00b', '-1'];
const CRITICAL_BODY: unknown[] = ['a\u0000b', '\uD800', 2147483648, 1e308, null, -1];
const CRITICAL_PATH = ['a%00b', '2147483648', '99999999999999999999'];

/** The systematic part: every critical value in every query parameter, body field and path parameter. */
export function criticalRequestsFor(route: ApiRoute, ids: IdPool): HostileRequest[] {
  const requests: HostileRequest[] = [];
  const body = (): Record<string, unknown> =>
    Object.fromEntries(
      (route.body ?? []).filter((f) => f.name !== 'departementCode').map((f) => [f.name, plausible(f, ids)]),
    );
  const queryNames = [...new Set([...route.queryParams, ...(route.method === 'get' ? EXTRA_QUERY_NAMES : [])])];
  for (const name of queryNames) {
    for (const value of CRITICAL_QUERY) {
      requests.push({
        route,
        url: `${fillPath(route, ids)}?${name}=${value}`,
        headers: {},
        body: route.body ? { json: body() } : undefined,
        what: `query ${name}=${value}`,
      });
    }
  }
  for (const field of route.body ?? []) {
    for (const value of CRITICAL_BODY) {
      requests.push({
        route,
        url: fillPath(route, ids),
        headers: {},
        body: { json: { ...body(), [field.name]: value } },
        what: `body ${field.name}=${describe(value)}`,
      });
    }
  }
  for (const name of route.pathParams) {
    for (const value of CRITICAL_PATH) {
      requests.push({
        route,
        url: fillPath(route, ids, [name, value]),
        headers: {},
        body: route.body ? { json: body() } : undefined,
        what: `path ${name}=${value}`,
      });
    }
  }
  return requests;
}
