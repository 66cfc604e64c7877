import type { CandidateReferralView, NotificationView, Page } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';

import { DomainEvents } from '../src/common/events/domain-events';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Notification } from '../src/notifications/notification.entity';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import {
  agentOf,
  buildReferral,
  mailsTo,
  runEverywhere,
  setClock,
  startSecondInstance,
} from './notification-factories';
import { startTestSmtp, type TestSmtp } from './smtp-test-server';
import type { AuthedAgent, TestApp } from './test-app';
import { startTestApp } from './test-app';

const APP_URL = 'https://maillage.departement77.fr';
const MO1 = 'chargee.mission@77.test';
const MO2 = 'second.charge@77.test';
const CDOM = 'cdom@77.test';

describe('notices of business events, in the app and by e-mail (real SMTP, two API instances)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let second: INestApplication;
  let apps: INestApplication[];
  let officer: AuthedAgent;
  let officer2: AuthedAgent;
  let cdom: AuthedAgent;
  let officer75: AuthedAgent;
  let departement: AuthedAgent;

  const unread = async (agent: AuthedAgent) =>
    (await agent('get', '/api/notifications/unread-count').expect(200)).body.unread as number;
  const notices = async (agent: AuthedAgent) =>
    (await agent('get', '/api/notifications').expect(200)).body as Page<NotificationView>;
  const flag = async (body = buildReferral()) =>
    (await cdom('post', '/api/candidate-referrals').send(body).expect(201)).body as CandidateReferralView;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      TERRITORY_DEPARTEMENTS: '77,75',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Maillage 77 <ne-pas-repondre@departement77.fr>',
      MAIL_REPLY_TO: 'accueil.sante@departement77.fr',
      APP_URL: `${APP_URL}/`,
    });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    second = await startSecondInstance(t);
    apps = [t.app, second];
    // Monday 7:00 in Paris: before the default time of the weekly digest (Monday 8:00), tested elsewhere.
    setClock(apps, new Date('2026-03-09T06:00:00Z'));
    officer = agentOf(t, await t.tokenFor('mission_officer', { email: MO1 }));
    officer2 = agentOf(t, await t.tokenFor('mission_officer', { email: MO2 }));
    cdom = agentOf(t, await t.tokenFor('cdom', { email: CDOM }));
    officer75 = agentOf(t, await t.tokenFor('mission_officer', { departementCode: '75', email: 'mo@75.test' }));
    departement = agentOf(t, await t.tokenFor('departement'));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    await smtp.close();
  });

  it('tells the département’s mission officers when the CDOM flags a candidate, once, with a link', async () => {
    const referral = await flag(buildReferral({ lastName: 'Lefèvre', rpps: null }));
    for (const agent of [officer, officer2]) {
      expect(await unread(agent)).toBe(1);
      const [notice] = (await notices(agent)).items;
      expect(notice).toMatchObject({
        kind: 'referral_created',
        title: 'Signalement du CDOM : Dr Hélène Lefèvre',
        body: 'Dr Hélène Lefèvre (Médecine générale, Fontainebleau) — priorité haute.',
        link: `/signalements/${referral.id}`,
        readAt: null,
      });
    }
    for (const agent of [cdom, officer75, departement]) expect(await unread(agent)).toBe(0);

    // Both instances run the job at the same moment, twice: each officer gets the e-mail once.
    await runEverywhere(apps);
    await runEverywhere(apps);
    const messages = await smtp.waitFor(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(2);
    for (const address of [MO1, MO2]) {
      const [mail] = mailsTo(smtp.messages, address);
      expect(mail.subject).toBe('[Maillage] Nouveau signalement du CDOM : Dr Hélène Lefèvre');
      expect(mail.from?.text).toBe('"Maillage 77" <ne-pas-repondre@departement77.fr>');
      expect(mail.replyTo?.text).toBe('accueil.sante@departement77.fr');
      expect(mail.text).toContain('Le CDOM signale un candidat maître de stage');
      expect(mail.text).toContain('Priorité : Haute');
      expect(mail.text).toContain(`Ouvrir le signalement : ${APP_URL}/signalements/${referral.id}`);
      expect(mail.html).toContain(`href="${APP_URL}/signalements/${referral.id}"`);
      expect(mail.html).toContain('<html lang="fr">');
      expect(mail.messageId).toMatch(/@maillage>$/);
    }
    expect(messages.map((m) => m.messageId)).toHaveLength(new Set(messages.map((m) => m.messageId)).size);
    const rows = await t.db.getRepository(OutboxMessage).find();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('escapes what users typed in the HTML of the e-mail', async () => {
    smtp.messages.length = 0;
    const referral = await flag(buildReferral({ firstName: '<b>Zoé</b>', lastName: 'O\'Brien & "fils"' }));
    await runEverywhere(apps);
    const [mail] = mailsTo(await smtp.waitFor(2), MO1);
    expect(mail.html).toContain('Dr &lt;b&gt;Zoé&lt;/b&gt; O&#39;Brien &amp; &quot;fils&quot;');
    expect(mail.html).not.toContain('<b>Zoé</b>');
    expect(mail.text).toContain('Dr <b>Zoé</b> O\'Brien & "fils"');
    expect(referral.id).toBeDefined();
  });

  it('tells the CDOM account that made a referral when it is converted, without follow-up notes or contacts', async () => {
    smtp.messages.length = 0;
    const referral = await flag(buildReferral({ lastName: 'Moreau' }));
    await officer('post', `/api/candidate-referrals/${referral.id}/follow-ups`)
      .send({ note: 'Appel : hésite, problème de garde des enfants (confidentiel).' })
      .expect(201);
    const before = (await officer('get', `/api/candidate-referrals/${referral.id}`).expect(200)).body;
    await officer('post', `/api/candidate-referrals/${referral.id}/close`)
      .send({ version: before.version, outcome: 'converted', note: 'Inscrite à la formation MSU de mars.' })
      .expect(201);

    expect(await unread(cdom)).toBe(1);
    const [notice] = (await notices(cdom)).items;
    expect(notice).toMatchObject({
      kind: 'referral_converted',
      title: 'Signalement converti : Dr Hélène Moreau',
      body: 'Converti (entré dans le parcours MSU). Inscrite à la formation MSU de mars.',
      link: `/signalements/${referral.id}`,
    });
    await runEverywhere(apps);
    const mails = await smtp.waitFor(3); // two officers for the new referral, the CDOM for the outcome
    const [mail] = mailsTo(mails, CDOM);
    expect(mail.subject).toBe('[Maillage] Votre signalement de Dr Hélène Moreau est converti');
    expect(mail.text).toContain('Note de clôture : Inscrite à la formation MSU de mars.');
    expect(mail.text).toContain(`${APP_URL}/signalements/${referral.id}`);
    for (const text of [mail.text ?? '', String(mail.html), notice.body]) {
      expect(text).not.toContain('garde des enfants');
      expect(text).not.toContain('@');
    }
  });

  it('tells the CDOM of a referral closed without conversion, and nobody of the mission officer’s own referral', async () => {
    const referral = await flag();
    const before = (await officer('get', `/api/candidate-referrals/${referral.id}`).expect(200)).body;
    await officer('post', `/api/candidate-referrals/${referral.id}/close`)
      .send({ version: before.version, outcome: 'declined', note: 'Ne souhaite pas accueillir pour le moment.' })
      .expect(201);
    expect((await notices(cdom)).items[0]).toMatchObject({
      kind: 'referral_closed',
      title: `Signalement clos : Dr ${referral.firstName} ${referral.lastName}`,
      body: 'A décliné. Ne souhaite pas accueillir pour le moment.',
    });

    const counts = { mo2: await unread(officer2), cdom: await unread(cdom) };
    const own = (await officer('post', '/api/candidate-referrals').send(buildReferral()).expect(201)).body;
    const ownVersion = (await officer('get', `/api/candidate-referrals/${own.id}`).expect(200)).body.version;
    await officer('post', `/api/candidate-referrals/${own.id}/close`)
      .send({ version: ownVersion, outcome: 'not_eligible', note: 'Hors critères.' })
      .expect(201);
    expect({ mo2: await unread(officer2), cdom: await unread(cdom) }).toEqual(counts);
  });

  it('tells the mission officers of an installation intent, with initials only when there is no consent', async () => {
    await cdom('post', '/api/installation-intents')
      .send({
        consent: false,
        initials: 'J. P.',
        specialty: 'Médecine générale',
        horizon: '6_12_months',
        targetCommuneCodes: ['77186'],
      })
      .expect(201);
    const [notice] = (await notices(officer2)).items;
    expect(notice).toMatchObject({
      kind: 'intent_reported',
      title: 'Intention d’installation : J. P. (Médecine générale)',
      body: 'Installation envisagée à Fontainebleau, 6 à 12 mois.',
      link: '/intentions-installation',
    });
  });

  it('writes a notice and its e-mail once, even when the event is handled again', async () => {
    const referral = await flag();
    const me = (await cdom('get', '/api/auth/me').expect(200)).body;
    const count = async () => ({
      notices: await t.db.getRepository(Notification).count(),
      mails: await t.db.getRepository(OutboxMessage).count(),
    });
    const before = await count();
    for (const app of apps) {
      await t.db.transaction((manager) =>
        app.get(DomainEvents).publish(manager, { type: 'referral.created', referralId: referral.id, actor: me }),
      );
    }
    expect(await count()).toEqual(before);
  });

  describe('the list and the bell', () => {
    it('marks one notice read, then all; another user’s notice is not found', async () => {
      const page = await notices(officer2);
      const [first] = page.items;
      const count = await unread(officer2);
      expect((await officer2('post', `/api/notifications/${first.id}/read`).expect(200)).body.readAt).not.toBeNull();
      expect(await unread(officer2)).toBe(count - 1);
      // Reading again changes nothing.
      await officer2('post', `/api/notifications/${first.id}/read`).expect(200);
      expect(await unread(officer2)).toBe(count - 1);
      await officer('post', `/api/notifications/${first.id}/read`).expect(404);
      await cdom('post', `/api/notifications/${first.id}/read`).expect(404);
      expect((await officer2('get', '/api/notifications?unread=true').expect(200)).body.total).toBe(count - 1);
      expect((await officer2('post', '/api/notifications/read-all').expect(200)).body).toEqual({ updated: count - 1 });
      expect(await unread(officer2)).toBe(0);
      expect((await officer2('get', '/api/notifications?unread=true').expect(200)).body.items).toEqual([]);
    });

    it('answers 401 without a session and 400 on a bad query', async () => {
      await t.http().get('/api/notifications').expect(401);
      await t.http().get('/api/notifications/unread-count').expect(401);
      await officer('get', '/api/notifications?pageSize=1000').expect(400);
      await officer('get', '/api/notifications?unread=peut-etre').expect(400);
      await officer('post', '/api/notifications/pas-un-id/read').expect(400);
    });
  });

  describe('preferences', () => {
    it('offers each role its own kinds, every one by e-mail until chosen otherwise', async () => {
      expect((await officer('get', '/api/notifications/preferences').expect(200)).body).toEqual({
        emailKinds: ['referral_created', 'intent_reported', 'weekly_digest'],
        availableKinds: ['referral_created', 'intent_reported', 'weekly_digest'],
        digestWeekday: 1,
        digestHour: 8,
        emailEnabled: true,
      });
      expect((await cdom('get', '/api/notifications/preferences').expect(200)).body.availableKinds).toEqual([
        'referral_converted',
        'referral_closed',
      ]);
      expect((await departement('get', '/api/notifications/preferences').expect(200)).body.availableKinds).toEqual([]);
    });

    it('keeps a notice in the app only when its kind is not chosen by e-mail', async () => {
      await officer2('put', '/api/notifications/preferences')
        .send({ emailKinds: ['intent_reported'], digestWeekday: 5, digestHour: 17 })
        .expect(200);
      expect((await officer2('get', '/api/notifications/preferences').expect(200)).body).toMatchObject({
        emailKinds: ['intent_reported'],
        digestWeekday: 5,
        digestHour: 17,
      });
      const outbox = t.db.getRepository(OutboxMessage);
      const before = await outbox.count();
      await flag();
      expect(await unread(officer2)).toBe(1);
      // Only the first officer's e-mail is queued.
      expect(await outbox.count()).toBe(before + 1);
    });

    it.each([
      [
        { emailKinds: ['referral_converted'], digestWeekday: 1, digestHour: 8 },
        'emailKinds : votre rôle ne reçoit pas « Signalement converti ».',
      ],
      [{ emailKinds: ['bogus'], digestWeekday: 1, digestHour: 8 }, 'emailKinds : valeurs possibles'],
      [
        { emailKinds: [], digestWeekday: 8, digestHour: 8 },
        'digestWeekday : un jour de 1 (lundi) à 7 (dimanche) est attendu.',
      ],
      [{ emailKinds: [], digestWeekday: 1, digestHour: 24 }, 'digestHour : une heure de 0 à 23 est attendue.'],
      [
        { emailKinds: [], digestWeekday: 1.5, digestHour: 8 },
        'digestWeekday : un jour de 1 (lundi) à 7 (dimanche) est attendu.',
      ],
      [{ emailKinds: 'referral_created', digestWeekday: 1, digestHour: 8 }, 'emailKinds : une liste est attendue'],
      [{ digestWeekday: 1, digestHour: 8 }, 'emailKinds : une liste est attendue'],
      [{ emailKinds: [], digestWeekday: 1, digestHour: 8, extra: 1 }, 'Le champ « extra » n’est pas autorisé.'],
    ])('refuses %j with a French message and changes nothing', async (body, message) => {
      const before = (await officer('get', '/api/notifications/preferences').expect(200)).body;
      const res = await officer('put', '/api/notifications/preferences').send(body).expect(400);
      expect([res.body.message].flat().join(' ')).toContain(message);
      expect((await officer('get', '/api/notifications/preferences').expect(200)).body).toEqual(before);
    });
  });
});
