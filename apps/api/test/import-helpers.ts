import type { ImportJobView } from '@maillage/shared/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

import type { TestApp } from './test-app';

export const FIXTURES = join(__dirname, 'fixtures', 'imports');

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** `POST /api/imports` with the file as the body. */
export function uploadImport(t: TestApp, token: string, kind: string, body: Buffer, fileName = 'fichier.csv') {
  return t
    .http()
    .post(`/api/imports?kind=${kind}&fileName=${encodeURIComponent(fileName)}`)
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'application/octet-stream')
    .send(body);
}

/** Polls `GET /api/imports/:id` until the background work is done (ready, applied, failed…). */
export async function settled(t: TestApp, token: string, id: string, timeoutMs = 20_000): Promise<ImportJobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.http().get(`/api/imports/${id}`).set('Authorization', `Bearer ${token}`);
    if (res.status !== 200) throw new Error(`GET /api/imports/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const job = res.body as ImportJobView;
    if (job.status !== 'analysing' && job.status !== 'applying') return job;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

/** Uploads and waits for the preview. */
export async function previewed(
  t: TestApp,
  token: string,
  kind: string,
  body: Buffer,
  fileName?: string,
): Promise<ImportJobView> {
  const res = await uploadImport(t, token, kind, body, fileName);
  if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(t, token, (res.body as ImportJobView).id);
}

/** Applies a previewed import and waits for the end. */
export async function applied(t: TestApp, token: string, id: string): Promise<ImportJobView> {
  const res = await t.http().post(`/api/imports/${id}/apply`).set('Authorization', `Bearer ${token}`);
  if (res.status !== 202) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return settled(t, token, id);
}

/**
 * A ZIP archive written by hand (stored or deflated entries), to build XLSX zip bombs and
 * archives that lie about their sizes. `declaredSize` overrides the uncompressed size written.
 */
export function buildZip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
