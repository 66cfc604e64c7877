import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';

import { applied, fixture, previewed } from './import-helpers';
import { pdfText } from './pdf-text';
import { startTestApp, type TestApp } from './test-app';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** Set `PDF_OUT=<dir>` to keep the documents and look at them (pdftoppm -png). */
function keep(name: string, body: Buffer): void {
  if (process.env['PDF_OUT']) writeFileSync(join(process.env['PDF_OUT'], name), body);
}

describe('an offer snapshot and a committee meeting as PDF', () => {
  let t: TestApp;
  let token: string;
  const download = (path: string, as = token) =>
    t.http().get(path).set('Authorization', `Bearer ${as}`).buffer(true).parse(binary) as unknown as Promise<
      Response & { body: Buffer }
    >;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor('mission_officer');
    await applied(t, token, (await previewed(t, token, 'sites', fixture('sites-windows-1252-semicolon.csv'))).id);
  });
  afterAll(() => t.close());

  it('prints an offer snapshot with its figures', async () => {
    const snapshot = (
      await t
        .http()
        .post('/api/offer-snapshots')
        .set('Authorization', `Bearer ${token}`)
        .send({ title: 'Comité de suivi de décembre', note: 'Trois terrains entrés par import.' })
        .expect(201)
    ).body as { id: string };
    const res = await download(`/api/exports/offer-snapshots/${snapshot.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="etat-de-l-offre-comite-de-suivi-de-decembre-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    keep('etat-offre.pdf', res.body);
    const { text } = await pdfText(res.body);
    for (const expected of [
      'État de l’offre de stage',
      'Comité de suivi de décembre',
      'Chiffres clés',
      'Terrains (tous statuts)3',
      'Trois terrains entrés par import.',
    ]) {
      expect(text).toContain(expected);
    }
    const committee = await t.tokenFor('committee');
    expect((await download(`/api/exports/offer-snapshots/${snapshot.id}`, committee)).status).toBe(200);
  });

  it('prints a committee meeting: agenda, attendees, decisions, actions, minutes', async () => {
    const meeting = (
      await t
        .http()
        .post('/api/committee-meetings')
        .set('Authorization', `Bearer ${token}`)
        .send({
          kind: 'follow_up',
          status: 'held',
          heldOn: '2026-10-06',
          title: 'Comité de suivi d’octobre',
          location: 'Hôtel du Département, Melun',
          attendees: [
            { name: 'Mme Durand', organisation: 'departement', title: 'Vice-présidente santé', present: true },
            { name: 'Dr Petit', organisation: 'cdom', present: false },
          ],
          agenda: '1. État de l’offre\n2. Terrains sous surveillance',
          minutes:
            'Le comité constate la hausse des places offertes.\n\nIl demande un point sur le logement des internes.',
          decisions: [{ text: 'Relancer les terrains non visités.' }, { text: 'Ouvrir deux places SASPAS à Provins.' }],
        })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .post(`/api/committee-meetings/${meeting.id}/actions`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        items: [{ title: 'Relancer les terrains non visités', ownerLabel: 'Chargée de mission', dueOn: '2026-11-01' }],
      })
      .expect(201);
    const res = await download(`/api/exports/committee-meetings/${meeting.id}`);
    expect(res.status).toBe(200);
    keep('comite.pdf', res.body);
    const { text, pages } = await pdfText(res.body);
    expect(pages).toBe(1);
    for (const expected of [
      'Comité de suivi d’octobre',
      '6 octobre 2026 · Hôtel du Département, Melun · Tenu',
      'Participants (1 présent sur 2)',
      'Mme DurandDépartementVice-présidente santéprésent·e',
      'Relancer les terrains non visités.',
      'Ouvrir deux places SASPAS à Provins.',
      'Relancer les terrains non visitésChargée de mission1er novembre 2026',
      'Il demande un point sur le logement des internes.',
    ]) {
      expect(text).toContain(expected);
    }
    const cdomOther = await t.tokenFor('mission_officer', { departementCode: '77', email: 'autre@test.maillage.fr' });
    expect((await download(`/api/exports/committee-meetings/${meeting.id}`, cdomOther)).status).toBe(200);
    expect(
      (await t.http().get('/api/exports/committee-meetings/not-a-uuid').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(400);
  });
});
