import type { SiteVisitDetail } from '@maillage/shared/domain';
import type { Response } from 'supertest';

import { pdfText } from './pdf-text';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';
import { userIdOf, visitHelpers } from './visit-factories';

/** Collects a binary body (supertest buffers only known types by default). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('GET /api/site-visits/:id/report.pdf (real PostgreSQL)', () => {
  let t: TestApp;
  let officer: AuthedAgent;
  let h: ReturnType<typeof visitHelpers>;
  let done: SiteVisitDetail;
  let planned: SiteVisitDetail;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('mission_officer');
    const officerId = await userIdOf(t, 'mission_officer.77@test.maillage.fr');
    h = visitHelpers(officer);
    const site = await h.createSite({
      name: 'Maison de santé de l’Almont',
      addressLine1: '12 rue du Général de Gaulle',
      siret: '21770288600011',
    });
    planned = await h.planVisit(site.id, { purpose: 'accreditation', plannedOn: '2025-11-10' });
    done = await h.recordVisit(planned, officerId, {
      visitedOn: '2025-11-12',
      nextVisitOn: '2026-05-01',
      findings: 'Les locaux sont récents ; la supervision est organisée chaque soir par le Dr Dupont.',
      issues: [
        { category: 'housing', severity: 3, description: 'Aucun logement meublé à moins de 20 km du site.' },
        { category: 'public_transport', severity: 2, description: 'Dernier bus vers Melun à 19 h 10.' },
      ],
      actions: [{ title: 'Contacter la mairie de Melun', ownerLabel: 'Chargée de mission', dueOn: '2025-12-15' }],
    });
  });
  afterAll(() => t.close());

  it('is a French PDF with the facts of the visit, as an ASCII-named attachment', async () => {
    const res = await officer('get', `/api/site-visits/${done.id}/report.pdf`).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="visite-maison-de-sante-de-l-almont-2025-11-12.pdf"',
    );
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(pdf.length);

    const { text } = await pdfText(pdf);
    for (const expected of [
      'Seine-et-Marne',
      'Mission accueil et formation des professionnels de santé',
      'Compte rendu de visite',
      'Maison de santé de l’Almont',
      '12 rue du Général de Gaulle',
      '77000 Melun',
      '217 702 886 00011',
      'Maison de santé pluriprofessionnelle (MSP)',
      '12 novembre 2025',
      'Agrément',
      'Test mission_officer',
      'Chargé·e de mission',
      'Dr Claire Dupont',
      'Bureau de consultation disponible pour',
      'Solution de logement identifiée',
      'Aucune offre à moins de 20 km.',
      'la supervision est organisée chaque soir',
      'Aucun logement meublé à moins de 20 km du site.',
      'Logement',
      '3 – Sérieuse',
      'Transports en commun',
      'Contacter la mairie de Melun',
      '15 décembre 2025',
      '1er mai 2026',
      'Page 1 / ',
      'Document généré le ',
    ]) {
      expect(text).toContain(expected);
    }
    // The checklist reads in French only: no internal codes.
    expect(text).not.toMatch(/housing_available|to_improve|not_checked|public_transport/);
  });

  it('is refused (409) while the visit is planned or cancelled', async () => {
    const res = await officer('get', `/api/site-visits/${(await h.planVisit(done.site.id)).id}/report.pdf`).expect(409);
    expect(res.body.message).toMatch(/^Le compte rendu n’existe qu’une fois la visite enregistrée/);
    const cancelled = await h.planVisit(done.site.id);
    await officer('post', `/api/site-visits/${cancelled.id}/cancel`).send({ version: 1 }).expect(200);
    await officer('get', `/api/site-visits/${cancelled.id}/report.pdf`).expect(409);
  });
});
