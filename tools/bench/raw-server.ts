/**
 * The benchmark's reference: a minimal `node:http` + `pg` server that answers each endpoint by
 * replaying exactly the SQL the API sent for it (replay.ts), then writes the rows as JSON. It
 * knows nothing of the app: no framework, no validation, no mapping, no logging. The endpoint is
 * named by the `x-bench-endpoint` header; `RAW_SCENARIO` is the JSON file of the captured SQL.
 *
 * Per request it computes what the API computes too: the SHA-256 of the bearer token (session
 * lookup), the site and version of a PATCH (path, If-Match; 409 when the update changes nothing),
 * and for a login the Argon2 check and a new token.
 */
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, type PoolClient, type QueryResult } from 'pg';

import type { Placeholder, ReplayEndpoint, ReplayStatement, ReplayValue } from './replay';

const scenario = JSON.parse(readFileSync(process.env['RAW_SCENARIO'] as string, 'utf8')) as ReplayEndpoint[];
const endpoints = new Map(scenario.map((e) => [e.key, e]));
// The API's pool size (database/data-source.ts).
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

class HttpError extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bind(statement: ReplayStatement, vars: Partial<Record<Placeholder, string>>): (string | null)[] {
  return statement.values.map((value: ReplayValue) => {
    if (value === null || typeof value === 'string') return value;
    const bound = vars[value.placeholder];
    if (bound === undefined) throw new HttpError(400);
    return bound;
  });
}

async function run(
  endpoint: ReplayEndpoint,
  vars: Partial<Record<Placeholder, string>>,
  password: string | null,
): Promise<unknown[][]> {
  const out: unknown[][] = [];
  const check = (statement: ReplayStatement, result: QueryResult) => {
    const placeholders = statement.values.flatMap((v) => (v && typeof v === 'object' ? [v.placeholder] : []));
    if (placeholders.includes('tokenHash') && result.rowCount === 0) throw new HttpError(401);
    if (placeholders.includes('version') && result.rowCount === 0) throw new HttpError(409);
  };
  let verified = !endpoint.verifyPassword;
  for (const stage of endpoint.stages) {
    if (stage.kind === 'transaction') {
      const client: PoolClient = await pool.connect();
      try {
        for (const statement of stage.statements) {
          const result = await client.query(statement.text, bind(statement, vars));
          check(statement, result);
          out.push(result.rows);
        }
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } else {
      const results = await Promise.all(stage.statements.map((s) => pool.query(s.text, bind(s, vars))));
      results.forEach((result, i) => {
        check(stage.statements[i], result);
        out.push(result.rows);
      });
    }
    // Login: the password is checked once the statement that reads the user's hash has run.
    const hash = verified ? undefined : JSON.stringify(out).match(/"(\$argon2[^"]+)"/)?.[1];
    if (hash) {
      if (!(await argon2.verify(hash, password ?? ''))) throw new HttpError(401);
      verified = true;
    }
  }
  if (!verified) throw new HttpError(401);
  return out;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const endpoint = endpoints.get(String(req.headers['x-bench-endpoint']));
  if (!endpoint) throw new HttpError(404);
  const body = req.method === 'GET' ? '' : await readBody(req);
  const vars: Partial<Record<Placeholder, string>> = {};
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) vars.tokenHash = sha256(bearer);
  const ifMatch = /^"?(\d+)"?$/.exec(String(req.headers['if-match'] ?? ''))?.[1];
  if (ifMatch) vars.version = ifMatch;
  const id = /\/([0-9a-f-]{36})(?:\?|$)/.exec(req.url ?? '')?.[1];
  if (id) vars.siteId = id;
  let password: string | null = null;
  let token: string | null = null;
  if (endpoint.verifyPassword) {
    password = (JSON.parse(body) as { password?: string }).password ?? null;
    token = randomBytes(32).toString('base64url');
    vars.newTokenHash = sha256(token);
  }
  const rows = await run(endpoint, vars, password);
  const payload = JSON.stringify(token ? { accessToken: token, rows } : rows);
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(payload);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ statusCode: status }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env['RAW_PORT']), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
