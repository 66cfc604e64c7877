import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import request from 'supertest';

import { createApp } from '../src/bootstrap';
import { SYSTEM_ACTOR } from '../src/common/scope/territory-scope';
import { loadConfig } from '../src/config/app-config';
import { UsersService } from '../src/users/users.service';
import { TEST_PASSWORD } from './test-app';
import { createTestDatabase, dropTestDatabase } from './test-database';

/** Collects a binary body as it came over the wire (still compressed). */
const raw = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/**
 * The built dashboard as the API serves it: compressed files with the right headers, long-lived
 * caching for hashed files only, index.html for the dashboard's routes; and API JSON compressed
 * for clients that accept it.
 */
describe('web delivery (static files and compression)', () => {
  let app: INestApplication;
  let database: { name: string; url: string };
  let root: string;
  const script = `export const hello = ${JSON.stringify('Bonjour '.repeat(400))};\n`;
  const styles = `body { color: #004c6c; }\n${'.x { margin: 0; }\n'.repeat(200)}`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'maillage-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="fr"><body><app-root></app-root></body></html>');
    // A hashed script precompressed at build time (a marker proves the .br file is the one served)…
    writeFileSync(join(root, 'main-ABCD1234.js'), script);
    writeFileSync(join(root, 'main-ABCD1234.js.br'), brotliCompressSync(Buffer.from(`${script}// br\n`)));
    // …and a stylesheet without compressed copies: compressed when the app starts.
    writeFileSync(join(root, 'styles-EFGH5678.css'), styles);
    database = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TERRITORY_DEPARTEMENTS: '77' });
    app = await createApp(config, database.url, { quiet: true, webRoot: root });
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await dropTestDatabase(database.name);
    rmSync(root, { recursive: true, force: true });
  });

  const http = () => request(app.getHttpServer());

  it('serves a hashed file brotli-compressed from its .br copy, cached for a year', async () => {
    const res = await http()
      .get('/main-ABCD1234.js')
      .set('Accept-Encoding', 'gzip, deflate, br')
      .buffer(true)
      .parse(raw);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The client undoes the encoding it declared: this is the build's .br copy.
    expect((res.body as Buffer).toString()).toBe(`${script}// br\n`);
  });

  it('falls back to gzip (compressed at start when the build has no copy), then to the file itself', async () => {
    const gzip = await http().get('/styles-EFGH5678.css').set('Accept-Encoding', 'gzip').buffer(true).parse(raw);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect((gzip.body as Buffer).toString()).toBe(styles);
    const plain = await http().get('/styles-EFGH5678.css').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(styles);
    const refused = await http().get('/styles-EFGH5678.css').set('Accept-Encoding', 'br;q=0, gzip;q=0').expect(200);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('answers index.html for the dashboard’s routes, revalidated on every use, with the security headers', async () => {
    for (const path of ['/', '/terrains/3f2b0c3e-1111-4222-8333-944445555666', '/tableau-de-bord']) {
      const res = await http().get(path).expect(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.text).toContain('<app-root>');
    }
  });

  it('answers 304 to a revalidation, 404 to a missing file, and leaves /api alone', async () => {
    const first = await http().get('/').expect(200);
    await http()
      .get('/')
      .set('If-None-Match', first.headers['etag'] as string)
      .expect(304);
    await http().get('/chunk-MISSING1.js').expect(404);
    await http().get('/api/nothing-here').expect(404);
  });

  it('compresses API JSON above 1 kB for a client that accepts it, and only then', async () => {
    await app.get(UsersService).create(SYSTEM_ACTOR, {
      email: 'lecteur@test.maillage.fr',
      displayName: 'Lecteur',
      role: 'departement',
      departementCode: '77',
      password: TEST_PASSWORD,
    });
    const login = await http()
      .post('/api/auth/login')
      .send({ email: 'lecteur@test.maillage.fr', password: TEST_PASSWORD })
      .expect(200);
    const token = (login.body as { accessToken: string }).accessToken;
    const communes = () => http().get('/api/communes?pageSize=100').set('Authorization', `Bearer ${token}`);
    const compressed = await communes().set('Accept-Encoding', 'gzip').expect(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect((compressed.body as { items: unknown[] }).items).toHaveLength(100);
    const plain = await communes().set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(compressed.body);
  });
});
