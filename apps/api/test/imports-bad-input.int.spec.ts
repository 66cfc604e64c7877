import type { ImportJobView } from '@maillage/shared/domain';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

import { buildZip, fixture, previewed, settled, uploadImport } from './import-helpers';
import { startTestApp, type TestApp } from './test-app';

const CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`;

describe('imports refuse bad files clearly and keep nothing of them', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_MAX_UPLOAD_MB: '1', IMPORT_MAX_ROWS: '50', XLSX_MAX_UNCOMPRESSED_MB: '5' });
    token = await t.tokenFor('mission_officer');
  });
  afterAll(() => t.close());

  const refused = async (body: Buffer, message: RegExp | string, name = 'fichier.csv') => {
    const res = await uploadImport(t, token, 'sites', body, name);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  };
  const failed = async (body: Buffer): Promise<ImportJobView> => {
    const res = await uploadImport(t, token, 'sites', body);
    expect(res.status).toBe(202);
    const job = await settled(t, token, res.body.id);
    expect(job).toMatchObject({ status: 'failed', totalRows: 0, canApply: false });
    const rows = await t.http().get(`/api/imports/${job.id}/rows`).set('Authorization', `Bearer ${token}`);
    expect(rows.body.total).toBe(0);
    return job;
  };

  it('reports a quote never closed (a file cut in the middle of a cell)', async () => {
    const job = await failed(fixture('truncated-quote.csv'));
    expect(job.error).toBe(
      'Fichier tronqué ou mal formé : un guillemet ouvert n’est jamais refermé (ligne 3 du fichier). Rien n’a été importé.',
    );
  });

  it('reports a file that stops in the middle of its last row', async () => {
    const job = await failed(fixture('truncated-row.csv'));
    expect(job.error).toBe(
      'Le fichier semble tronqué : sa dernière ligne (ligne 3) est incomplète. Rien n’a été importé.',
    );
  });

  it('rejects a malformed line alone, and lists the columns it does not know', async () => {
    const job = await previewed(t, token, 'sites', fixture('malformed-line.csv'));
    expect(job).toMatchObject({
      status: 'ready',
      counts: { create: 2, rejected: 1 },
      unmappedHeaders: ['Couleur préférée'],
    });
    const rows = await t
      .http()
      .get(`/api/imports/${job.id}/rows?outcome=rejected`)
      .set('Authorization', `Bearer ${token}`);
    expect(rows.body.items).toEqual([
      expect.objectContaining({ line: 3, errors: ['Ligne illisible : 8 colonnes au lieu de 6 (ligne mal formée).'] }),
    ]);
  });

  it('refuses a file that mixes two encodings, at once', async () => {
    await refused(fixture('mixed-encodings.csv'), /mélange deux encodages \(UTF-8 et Windows-1252\)/);
  });

  it('refuses what is not a spreadsheet, by its content whatever its name', async () => {
    await refused(
      fixture('not-a-spreadsheet.pdf'),
      'Ce fichier est un document PDF, pas un tableur. Envoyez un fichier CSV ou un classeur Excel (.xlsx).',
      'terrains.csv',
    );
    await refused(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /Excel 97-2003 \(\.xls\).*enregistrez-le au format \.xlsx/,
    );
    await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /une image, pas un tableur/);
    await refused(
      buildZip([{ name: 'readme.txt', data: Buffer.from('bonjour') }]),
      /pas un classeur Excel/,
      'terrains.xlsx',
    );
    await refused(Buffer.from('PK\u0003\u0004 cassé'), /Classeur XLSX illisible/);
  });

  it('refuses an XLSX zip bomb before unzipping it for real', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const entries = (sheet: { data: Buffer; declaredSize?: number }) => [
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', ...sheet },
    ];
    await refused(
      buildZip(entries({ data: zeros })),
      /(plus de 5 Mo une fois décompressé|taux de compression).*bombe/s,
      'b.xlsx',
    );
    // An archive that lies about its sizes is caught while counting what really comes out.
    await refused(buildZip(entries({ data: zeros, declaredSize: 1000 })), /bombe/, 'b.xlsx');
  });

  /** A raw request, to send what supertest would not: a false length, a body in chunks. */
  const raw = async (headers: Record<string, string>, chunks: Buffer[]) => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        port,
        method: 'POST',
        path: '/api/imports?kind=sites&fileName=enorme.csv',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', ...headers },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      if (!headers['Content-Length']) req.end();
    });
  };

  it('answers 413 at once for a 2 GB file, from its declared size, and stays up', async () => {
    const started = Date.now();
    const answer = await raw({ 'Content-Length': String(2 * 1024 * 1024 * 1024) }, [
      Buffer.from('Nom du terrain;Type\n'),
    ]);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toBe('Le fichier dépasse la taille autorisée (1 Mo).');
    expect(Date.now() - started).toBeLessThan(5000);
    await t.http().get('/api/health').expect(200);
  });

  it('stops a body without declared size as soon as it passes the limit', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'a;b;c\n');
    const answer = await raw(
      {},
      Array.from({ length: 6 }, () => chunk),
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).message).toBe('Le fichier dépasse la taille autorisée (1 Mo).');
    await t.http().get('/api/health').expect(200);
  });

  it('refuses an empty file, a form, too many rows, and a header without rows', async () => {
    await refused(Buffer.alloc(0), 'Le fichier envoyé est vide.');
    const form = await t
      .http()
      .post('/api/imports?kind=sites&fileName=a.csv')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from('Nom;Type\n'), 'a.csv');
    expect(form.status).toBe(400);
    expect(form.body.message).toMatch(/pas dans un formulaire/);
    const many = `Nom du terrain;Type de structure\n${Array.from({ length: 60 }, (_, i) => `Cabinet ${i};MSP`).join('\n')}\n`;
    expect((await failed(Buffer.from(many))).error).toBe(
      'Le fichier dépasse 50 lignes : découpez-le en plusieurs fichiers.',
    );
    expect((await failed(Buffer.from('Nom du terrain;Type de structure\n'))).error).toMatch(/aucune ligne/);
    const missing = await uploadImport(t, token, 'sites', Buffer.from('a;b\n'), '');
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(['fileName : le nom du fichier est obligatoire.']);
    // U+0000 anywhere in the address is refused before any route runs; other control characters
    // of a file name (a line break) are dropped.
    const nul = await uploadImport(t, token, 'sites', fixture('sites-utf8-bom-comma.csv'), 'ter\u0000rains.csv');
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body.message)).toContain('fileName : le caractère nul (U+0000)');
    const broken = await uploadImport(t, token, 'sites', fixture('sites-utf8-bom-comma.csv'), 'ter\nrains.csv');
    expect(broken.status).toBe(202);
    expect(broken.body.fileName).toBe('terrains.csv');
    await settled(t, token, broken.body.id);
    const wrongKind = await t
      .http()
      .post('/api/imports?kind=patients&fileName=a.csv')
      .set('Authorization', `Bearer ${token}`);
    expect(wrongKind.body.message).toEqual(['kind : valeurs possibles sites, professionals, accreditations.']);
  });

  it('keeps working after all that', async () => {
    const job = await previewed(t, token, 'sites', fixture('sites-utf8-bom-comma.csv'));
    expect(job.status).toBe('ready');
    await t.http().get('/api/health').expect(200);
  });
});
