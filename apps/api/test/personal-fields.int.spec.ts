import { hasPermission, type Role, ROLES } from '@maillage/shared/domain';

import { seedDemoData } from '../src/bootstrap';
import { MASKED } from '../src/common/privacy/personal-fields';
import { DEMO_PASSWORD } from './support/two-departements';
import { startTestApp, type TestApp } from './test-app';

const DEMO_EMAILS: Record<Exclude<Role, 'admin'>, string> = {
  mission_officer: 'chargee.mission@demo.maillage.fr',
  cdom: 'cdom@demo.maillage.fr',
  departement: 'departement@demo.maillage.fr',
  committee: 'comite@demo.maillage.fr',
};

describe('personal fields only for the roles of the permission map, contact only with consent', () => {
  let t: TestApp;
  const tokens = new Map<Role, string>();
  let professionalId: string;
  let withoutConsentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.app, '77');
    for (const [role, email] of Object.entries(DEMO_EMAILS))
      tokens.set(role as Role, await t.login(email, DEMO_PASSWORD));
    tokens.set('admin', await t.tokenFor('admin', { departementCode: '77', email: 'admin.77@test.maillage.fr' }));
    const officer = tokens.get('mission_officer') as string;
    const created = await t.http().post('/api/professionals').set('Authorization', `Bearer ${officer}`).send({
      firstName: 'Inès',
      lastName: 'Consentante',
      rpps: '10009876540',
      email: 'ines.consentante@exemple.fr',
      phone: '01 60 00 00 01',
      contactConsent: true,
      notes: 'Rappeler après les vacances.',
    });
    expect(created.body).toMatchObject({ lastName: 'Consentante' });
    professionalId = (created.body as { id: string }).id;
    // Later edited, so that the history holds personal values before and after.
    await t
      .http()
      .patch(`/api/professionals/${professionalId}`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: 1, phone: '01 60 00 00 02', notes: 'Rappelée le 3.' })
      .expect(200);
    const without = await t
      .http()
      .post('/api/professionals')
      .set('Authorization', `Bearer ${officer}`)
      .send({ firstName: 'Marc', lastName: 'Sans-Accord', contactConsent: false })
      .expect(201);
    withoutConsentId = (without.body as { id: string }).id;
  }, 120_000);
  afterAll(() => t.close());

  const get = (role: Role, url: string) =>
    t
      .http()
      .get(url)
      .set('Authorization', `Bearer ${tokens.get(role)}`);

  it.each(ROLES)('%s sees e-mail, phone, notes and RPPS of a professional as its permissions allow', async (role) => {
    const res = await get(role, `/api/professionals/${professionalId}`);
    if (res.status !== 200) return expect(res.status).toBe(403);
    const contact = hasPermission(role, 'professionals.readContact');
    expect(res.body).toMatchObject({
      email: contact ? 'ines.consentante@exemple.fr' : null,
      phone: contact ? '01 60 00 00 02' : null,
      notes: contact ? 'Rappelée le 3.' : null,
      rpps: hasPermission(role, 'professionals.readRpps') ? '10009876540' : null,
    });
    const list = await get(role, '/api/professionals?q=Consentante').expect(200);
    expect(list.body.items[0].rpps).toBe(hasPermission(role, 'professionals.readRpps') ? '10009876540' : null);
  });

  it.each(ROLES)('%s reads the history of a professional without the personal values it may not see', async (role) => {
    const res = await get(role, `/api/audit-events?entityType=professional&entityId=${professionalId}`);
    if (res.status !== 200) return expect(res.status).toBe(403);
    const text = JSON.stringify(res.body);
    const contact = hasPermission(role, 'professionals.readContact');
    for (const secret of ['ines.consentante@exemple.fr', '01 60 00 00 02', 'Rappelée le 3.']) {
      expect(text.includes(secret)).toBe(contact);
    }
    if (!contact) expect(text).toContain(MASKED);
  });

  it.each(ROLES)('%s sees the RPPS of CDOM referrals only with professionals.readRpps', async (role) => {
    const res = await get(role, '/api/candidate-referrals?pageSize=200');
    if (res.status !== 200) return expect(res.status).toBe(403);
    const rpps = (res.body.items as { rpps: string | null }[]).map((r) => r.rpps);
    if (hasPermission(role, 'professionals.readRpps')) expect(rpps.some((r) => r !== null)).toBe(true);
    else expect(rpps.every((r) => r === null)).toBe(true);
  });

  it('stores no contact details without consent: refused when given, erased when consent is withdrawn', async () => {
    const officer = tokens.get('mission_officer') as string;
    const refused = await t
      .http()
      .post('/api/professionals')
      .set('Authorization', `Bearer ${officer}`)
      .send({ firstName: 'Léa', lastName: 'Refus', email: 'lea@exemple.fr', contactConsent: false })
      .expect(400);
    expect(refused.body.message).toMatch(/^email : les coordonnées ne sont enregistrées qu’avec le consentement/);
    await t
      .http()
      .patch(`/api/professionals/${withoutConsentId}`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: 1, phone: '06 00 00 00 00' })
      .expect(400);
    const withdrawn = await t
      .http()
      .patch(`/api/professionals/${professionalId}`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ version: 2, contactConsent: false })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ contactConsent: false, email: null, phone: null });
    const [row] = await t.db.query<{ email: string | null; phone: string | null }[]>(
      'SELECT email, phone FROM professionals WHERE id = $1',
      [professionalId],
    );
    expect(row).toEqual({ email: null, phone: null });
    const contacts = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM professionals WHERE NOT contact_consent AND (email IS NOT NULL OR phone IS NOT NULL)`,
    );
    expect(contacts[0].n).toBe(0);
  });

  it('shows visit participants without any contact detail or RPPS', async () => {
    const res = await get('mission_officer', '/api/site-visits?pageSize=50').expect(200);
    const participants = (res.body.items as { participants: Record<string, unknown>[] }[]).flatMap(
      (v) => v.participants,
    );
    expect(participants.length).toBeGreaterThan(0);
    for (const p of participants)
      expect(Object.keys(p).sort()).toEqual(['id', 'kind', 'name', 'professionalId', 'userId']);
  });
});
