import type { DocumentDetail, DocumentView, ErasureReport, PersonalDataExport, Role } from '@maillage/shared/domain';
import { createHash } from 'node:crypto';
import type { Response } from 'supertest';

import { AuditEvent } from '../src/common/audit/audit-event.entity';
import { DocumentChunk } from '../src/documents/document-chunk.entity';
import { DocumentVersion } from '../src/documents/document-version.entity';
import { StoredDocument } from '../src/documents/document.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { docxBytes, odtBytes, OLE, pdfBytes, PNG, xlsxBytes, zipBytes } from './document-fixtures';
import { agentOf, buildReferral } from './notification-factories';
import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const MB = 1024 * 1024;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const messageOf = (res: Response) => {
  const body = Buffer.isBuffer(res.body) ? JSON.parse(res.body.toString()) : res.body;
  return [body.message].flat().join(' ');
};
/** Reads a download as bytes, whatever its type. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (chunk: Buffer) => parts.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(parts)));
};

describe('documents on records (real PostgreSQL, streamed uploads and downloads)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let records: Record<'site' | 'accreditation' | 'visit' | 'cdomReferral' | 'ownReferral' | 'meeting', string>;
  let professionalId: string;

  const upload = (agent: AuthedAgent, path: string, bytes: Buffer, name: string, contentType?: string) =>
    agent('post', `/api/${path}/documents`).attach('file', bytes, { filename: name, contentType });
  const stored = async () => ({
    documents: await t.db.getRepository(StoredDocument).count(),
    versions: await t.db.getRepository(DocumentVersion).count(),
    chunks: await t.db.getRepository(DocumentChunk).count(),
  });
  const download = (agent: AuthedAgent, id: string, query = '') =>
    agent('get', `/api/documents/${id}/content${query}`).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startTestApp({ TERRITORY_DEPARTEMENTS: '77,75', DOCUMENTS_MAX_MB: '1' });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    officer = await t.as('mission_officer');
    const cdom = await t.as('cdom');
    const officerId = (await officer('get', '/api/auth/me').expect(200)).body.id as string;
    const site = (await officer('post', '/api/sites').send(buildSite()).expect(201)).body;
    professionalId = (await insertProfessional(t, { firstName: 'Hélène', lastName: 'Durand' })).id;
    const accreditation = (
      await officer('post', '/api/accreditations').send(buildAccreditation({ professionalId })).expect(201)
    ).body;
    const visit = (
      await officer('post', '/api/site-visits')
        .send({ siteId: site.id, purpose: 'follow_up', plannedOn: '2027-01-15' })
        .expect(201)
    ).body;
    const cdomReferral = (
      await cdom('post', '/api/candidate-referrals')
        .send({ professionalId, reason: 'Accueille déjà des externes.' })
        .expect(201)
    ).body;
    const ownReferral = (await officer('post', '/api/candidate-referrals').send(buildReferral()).expect(201)).body;
    const meeting = (
      await officer('post', '/api/committee-meetings')
        .send({ kind: 'follow_up', heldOn: '2027-02-01', title: 'Comité de suivi de février' })
        .expect(201)
    ).body;
    records = {
      site: `sites/${site.id}`,
      accreditation: `accreditations/${accreditation.id}`,
      visit: `site-visits/${visit.id}`,
      cdomReferral: `candidate-referrals/${cdomReferral.id}`,
      ownReferral: `candidate-referrals/${ownReferral.id}`,
      meeting: `committee-meetings/${meeting.id}`,
    };
    expect(officerId).toBeDefined();
    // Two départements' territory and the records: more than 30 s on a loaded machine.
  }, 180_000);
  afterAll(() => t.close());

  describe('upload, download, replace', () => {
    let doc: DocumentView;
    const signed = pdfBytes('Décision signée', 600 * 1024); // three chunks

    it('attaches a signed PDF to an accreditation, streamed into chunks, and audits it', async () => {
      const res = await upload(officer, records.accreditation, signed, 'Décision ARS « signée ».pdf').expect(201);
      doc = res.body as DocumentView;
      expect(doc).toMatchObject({
        recordType: 'accreditation',
        departementCode: '77',
        version: 1,
        versionCount: 1,
        archivedAt: null,
        downloadUrl: `/api/documents/${doc.id}/content`,
        current: {
          number: 1,
          fileName: 'Décision ARS « signée ».pdf',
          mediaType: 'application/pdf',
          sizeBytes: signed.length,
          sha256: sha(signed),
          uploadedBy: { displayName: 'Test mission_officer' },
        },
      });
      const [chunks] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM document_chunks c JOIN document_versions v ON v.id = c.version_id
         WHERE v.document_id = $1`,
        [doc.id],
      );
      expect(chunks.n).toBe(3);
      const audit = await t.db.getRepository(AuditEvent).findOneByOrFail({ entityType: 'document', entityId: doc.id });
      expect(audit.action).toBe('created');
      const list = (await officer('get', `/api/${records.accreditation}/documents`).expect(200)).body;
      expect(list.map((d: DocumentView) => d.id)).toEqual([doc.id]);
    });

    it('gives the same bytes back, with a safe file name for every browser', async () => {
      const res = await download(officer, doc.id).expect(200);
      expect(Buffer.compare(res.body as Buffer, signed)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(signed.length));
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="Decision ARS _ signee _.pdf"; filename*=UTF-8''D%C3%A9cision%20ARS%20%C2%AB%20sign%C3%A9e%20%C2%BB.pdf`,
      );
      expect(res.headers['etag']).toBe(`"${sha(signed)}"`);
    });

    it('replaces it with a new version, keeping the history; a stale version answers 409 and stores nothing', async () => {
      const word = docxBytes('Décision rectifiée');
      const res = await officer('post', `/api/documents/${doc.id}/versions`)
        .set('If-Match', '1')
        .attach('file', word, 'Décision rectifiée.docx')
        .expect(201);
      const detail = res.body as DocumentDetail;
      expect(detail).toMatchObject({
        version: 2,
        versionCount: 2,
        current: { number: 2, fileName: 'Décision rectifiée.docx' },
      });
      expect(detail.versions.map((v) => [v.number, v.mediaType])).toEqual([
        [2, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        [1, 'application/pdf'],
      ]);
      expect(Buffer.compare((await download(officer, doc.id).expect(200)).body as Buffer, word)).toBe(0);
      expect(Buffer.compare((await download(officer, doc.id, '?version=1').expect(200)).body as Buffer, signed)).toBe(
        0,
      );
      await download(officer, doc.id, '?version=3').expect(404);
      await download(officer, doc.id, '?version=zero').expect(400);

      const before = await stored();
      const stale = await officer('post', `/api/documents/${doc.id}/versions`)
        .set('If-Match', '1')
        .attach('file', pdfBytes(), 'autre.pdf')
        .expect(409);
      expect(messageOf(stale)).toContain('modifié entre-temps');
      const missing = await officer('post', `/api/documents/${doc.id}/versions`)
        .attach('file', pdfBytes(), 'autre.pdf')
        .expect(400);
      expect(messageOf(missing)).toBe('If-Match : précisez la version lue du document, par exemple "1".');
      expect(await stored()).toEqual(before);
      const actions = await t.db
        .getRepository(AuditEvent)
        .find({ where: { entityId: doc.id }, order: { occurredAt: 'ASC' } });
      expect(actions.map((a) => a.action)).toEqual(['created', 'replaced']);
    });

    it('archives (deletes) and restores a document; archived ones are hidden from readers', async () => {
      await officer('delete', `/api/documents/${doc.id}`).expect(204);
      expect((await officer('get', `/api/${records.accreditation}/documents`).expect(200)).body).toEqual([]);
      const archived = (await officer('get', `/api/${records.accreditation}/documents?archived=true`).expect(200)).body;
      expect(archived.map((d: DocumentView) => d.id)).toEqual([doc.id]);
      const reader = await t.as('departement');
      await reader('get', `/api/documents/${doc.id}`).expect(404);
      await download(reader, doc.id).expect(404);
      await reader('get', `/api/${records.accreditation}/documents?archived=true`).expect(403);
      await officer('delete', `/api/documents/${doc.id}`).expect(409);
      const restored = (await officer('post', `/api/documents/${doc.id}/restore`).send({}).expect(200)).body;
      expect(restored).toMatchObject({ archivedAt: null, versionCount: 2 });
      await download(reader, doc.id).expect(200);
    });

    it.each([
      ['an OpenDocument text', odtBytes(), 'compte-rendu.odt'],
      ['an Office 97-2003 sheet', OLE, 'budget.xls'],
      ['a PNG photo', PNG, 'façade.png'],
    ])('accepts %s', async (_, bytes, name) => {
      const res = await upload(officer, records.site, bytes, name).expect(201);
      expect(res.body.current.sizeBytes).toBe(bytes.length);
    });

    it('accepts a spreadsheet written by Excel tools', async () => {
      await upload(officer, records.meeting, await xlsxBytes(), 'places 2027.xlsx').expect(201);
    });
  });

  describe('bad input changes nothing', () => {
    const cases: [string, (path: string) => ReturnType<AuthedAgent>, number, string][] = [
      [
        'a PNG named .pdf',
        (path) => officer('post', path).attach('file', PNG, 'decision.pdf'),
        400,
        '« decision.pdf » n’est pas un fichier PDF valide : son contenu est de type Image PNG.',
      ],
      [
        'a PDF named .docx',
        (path) => officer('post', path).attach('file', pdfBytes(), 'convention.docx'),
        400,
        '« convention.docx » n’est pas un fichier Document Word valide : son contenu est de type PDF.',
      ],
      [
        'a plain zip named .docx',
        (path) => officer('post', path).attach('file', zipBytes([['a.txt', 'x']]), 'convention.docx'),
        400,
        '« convention.docx » n’est pas un fichier Document Word valide : son contenu n’est pas d’un type reconnu.',
      ],
      [
        'a Word 97 file named .docx',
        (path) => officer('post', path).attach('file', OLE, 'ancien.docx'),
        400,
        'son contenu est de type Office 97-2003',
      ],
      [
        'a text file',
        (path) => officer('post', path).attach('file', Buffer.from('bonjour'), 'notes.txt'),
        400,
        'Type de fichier non accepté (« notes.txt »)',
      ],
      [
        'a name and a media type that disagree',
        (path) =>
          officer('post', path).attach('file', pdfBytes(), {
            filename: 'a.pdf',
            contentType: 'image/png',
          }),
        400,
        'Le nom « a.pdf » annonce un fichier PDF, mais il est déclaré comme Image PNG.',
      ],
      [
        'an empty file',
        (path) => officer('post', path).attach('file', Buffer.alloc(0), 'vide.pdf'),
        400,
        'file : « vide.pdf » est vide.',
      ],
      [
        'no file',
        (path) => officer('post', path).field('titre', 'x'),
        400,
        'Seul le fichier est attendu (champ « file ») : aucun autre champ.',
      ],
      [
        'a file under another name',
        (path) => officer('post', path).attach('document', pdfBytes(), 'a.pdf'),
        400,
        'Le champ « document » n’est pas attendu : envoyez le fichier dans le champ « file ».',
      ],
      [
        'two files',
        (path) => officer('post', path).attach('file', pdfBytes(), 'a.pdf').attach('file', pdfBytes(), 'b.pdf'),
        400,
        'Un seul fichier à la fois (champ « file »).',
      ],
      [
        'JSON instead of multipart',
        (path) => officer('post', path).send({ file: 'JVBERi0=' }),
        400,
        'La requête doit être envoyée en multipart/form-data, avec le fichier dans le champ « file ».',
      ],
      [
        'a file over the limit (streamed)',
        (path) => officer('post', path).attach('file', pdfBytes('gros', MB + 20 * 1024), 'gros.pdf'),
        413,
        'Le fichier dépasse la taille maximale autorisée (1 Mo).',
      ],
      [
        'a file far over the limit (by its Content-Length)',
        (path) => officer('post', path).attach('file', pdfBytes('énorme', 3 * MB), 'enorme.pdf'),
        413,
        'Le fichier dépasse la taille maximale autorisée (1 Mo).',
      ],
    ];

    it.each(cases)('refuses %s', async (_, send, status, message) => {
      const before = await stored();
      const res = await send(`/api/${records.site}/documents`);
      expect(res.status).toBe(status);
      expect(messageOf(res)).toContain(message);
      expect(await stored()).toEqual(before);
    });

    it('refuses a document on an archived record, an unknown record and a malformed id', async () => {
      const site = (await officer('post', '/api/sites').send(buildSite()).expect(201)).body;
      await officer('delete', `/api/sites/${site.id}`).send({ version: site.version }).expect(204);
      const res = await upload(officer, `sites/${site.id}`, pdfBytes(), 'a.pdf').expect(409);
      expect(messageOf(res)).toBe('Terrain de stage archivé : restaurez-le avant d’y joindre un document.');
      await upload(officer, 'sites/00000000-0000-4000-8000-000000000000', pdfBytes(), 'a.pdf').expect(404);
      await upload(officer, 'sites/pas-un-id', pdfBytes(), 'a.pdf').expect(400);
      await officer('get', '/api/documents/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('permissions follow the record', () => {
    let accreditationDoc: string;
    let cdomReferralDoc: string;
    let ownReferralDoc: string;
    let visitDoc: string;
    let meetingDoc: string;

    beforeAll(async () => {
      const add = async (path: string) =>
        ((await upload(officer, path, pdfBytes(), 'piece.pdf').expect(201)).body as DocumentView).id;
      accreditationDoc = await add(records.accreditation);
      cdomReferralDoc = await add(records.cdomReferral);
      ownReferralDoc = await add(records.ownReferral);
      visitDoc = await add(records.visit);
      meetingDoc = await add(records.meeting);
    });

    it.each([
      ['admin', 200],
      ['cdom', 200],
      ['departement', 200],
      ['committee', 403],
    ] as [Role, number][])('%s reads the documents of an accreditation: %d', async (role, status) => {
      const agent = await t.as(role);
      await agent('get', `/api/${records.accreditation}/documents`).expect(status);
      await download(agent, accreditationDoc).expect(status);
      await agent('get', `/api/documents/${accreditationDoc}`).expect(status);
    });

    it.each(['admin', 'cdom', 'departement', 'committee'] as Role[])(
      '%s may not attach, replace or delete: 403, nothing stored',
      async (role) => {
        const agent = await t.as(role);
        const before = await stored();
        await upload(agent, records.accreditation, pdfBytes(), 'a.pdf').expect(403);
        await agent('post', `/api/documents/${accreditationDoc}/versions`)
          .set('If-Match', '1')
          .attach('file', pdfBytes(), 'a.pdf')
          .expect(403);
        await agent('delete', `/api/documents/${accreditationDoc}`).expect(403);
        expect(await stored()).toEqual(before);
      },
    );

    it('keeps another département out: 404 everywhere', async () => {
      const other = agentOf(t, await t.tokenFor('mission_officer', { departementCode: '75', email: 'mo@75.test' }));
      await other('get', `/api/${records.accreditation}/documents`).expect(404);
      await other('get', `/api/documents/${accreditationDoc}`).expect(404);
      await download(other, accreditationDoc).expect(404);
      await upload(other, records.accreditation, pdfBytes(), 'a.pdf').expect(404);
      await other('post', `/api/documents/${accreditationDoc}/versions`)
        .set('If-Match', '1')
        .attach('file', pdfBytes(), 'a.pdf')
        .expect(404);
      await other('delete', `/api/documents/${accreditationDoc}`).expect(404);
    });

    it('lets the CDOM read the papers of its own referrals only, and of visits only when it took part', async () => {
      const cdom = await t.as('cdom');
      await download(cdom, cdomReferralDoc).expect(200);
      await download(cdom, ownReferralDoc).expect(404);
      await cdom('get', `/api/${records.ownReferral}/documents`).expect(404);
      const visit = await download(cdom, visitDoc).expect(403);
      expect(messageOf(visit)).toBe('Le CDOM ne consulte le compte rendu d’une visite que s’il y participe.');
      await download(await t.as('committee'), meetingDoc).expect(200);
      await download(await t.as('committee'), visitDoc).expect(403);
    });

    it('answers 401 without a session', async () => {
      await t.http().get(`/api/documents/${accreditationDoc}/content`).expect(401);
      await t.http().post(`/api/${records.site}/documents`).attach('file', pdfBytes(), 'a.pdf').expect(401);
    });
  });

  describe('personal data', () => {
    it('puts a professional’s documents in their data export (every version, downloadable) and erases them', async () => {
      const siteDocs = await t.db.getRepository(StoredDocument).countBy({ recordType: 'site' });
      const exported = (await officer('get', `/api/professionals/${professionalId}/personal-data`).expect(200))
        .body as PersonalDataExport;
      expect(exported.documents.map((d) => d.recordType).sort()).toEqual([
        'accreditation',
        'accreditation',
        'referral',
      ]);
      const withTwo = exported.documents.find((d) => d.versions.length === 2);
      expect(withTwo?.versions.map((v) => v.fileName)).toEqual([
        'Décision ARS « signée ».pdf',
        'Décision rectifiée.docx',
      ]);
      const first = withTwo?.versions[0];
      const bytes = await officer('get', first?.downloadPath as string)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(sha(bytes.body as Buffer)).toBe(first?.sha256);
      const pdf = await officer('get', `/api/professionals/${professionalId}/personal-data.pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

      const { version } = (await officer('get', `/api/professionals/${professionalId}`).expect(200)).body as {
        version: number;
      };
      const report = (await officer('post', `/api/professionals/${professionalId}/erase`).send({ version }).expect(200))
        .body as ErasureReport;
      expect(report.documents).toBe(3);
      const after = (await officer('get', `/api/professionals/${professionalId}/personal-data`).expect(200))
        .body as PersonalDataExport;
      expect(after.documents).toEqual([]);
      expect(await t.db.getRepository(DocumentVersion).countBy({ documentId: withTwo?.documentId })).toBe(0);
      expect(await t.db.getRepository(StoredDocument).countBy({ recordType: 'site' })).toBe(siteDocs);
      const orphanChunks = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM document_chunks c WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.id = c.version_id)`,
      );
      expect(orphanChunks[0].n).toBe(0);
      const erased = await t.db.getRepository(AuditEvent).findBy({ entityType: 'document', action: 'erased' });
      expect(erased).toHaveLength(3);
      expect(JSON.stringify(erased)).not.toContain('Décision');
    });
  });
});
