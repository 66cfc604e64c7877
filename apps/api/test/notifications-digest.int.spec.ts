import type { INestApplication } from '@nestjs/common';

import { Notification } from '../src/notifications/notification.entity';
import { agentOf, mailsTo, runEverywhere, setClock, startSecondInstance } from './notification-factories';
import { buildAccreditation, buildSite, insertProfessional } from './site-factories';
import { startTestSmtp, type TestSmtp } from './smtp-test-server';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

const APP_URL = 'https://maillage.departement77.fr';
const MO1 = 'chargee.mission@77.test';
const MO2 = 'second.charge@77.test';
/** Wednesday 11 March 2026 in Paris (UTC+1 in winter). */
const at = (parisTime: string) => new Date(`2026-03-11T${parisTime}:00+01:00`);

describe('the weekly digest of the mission officer (real SMTP, two API instances)', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let second: INestApplication;
  let apps: INestApplication[];
  let officer: AuthedAgent;
  let officer2: AuthedAgent;
  let ids: { professional: string; visit: string };

  const digests = (email?: string) =>
    t.db
      .getRepository(Notification)
      .createQueryBuilder('n')
      .innerJoin('n.user', 'u')
      .where(`n.kind = 'weekly_digest'`)
      .andWhere(email ? 'u.email = :email' : 'true', { email })
      .getMany();

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ne-pas-repondre@departement77.fr',
      APP_URL,
    });
    second = await startSecondInstance(t);
    apps = [t.app, second];
    officer = agentOf(t, await t.tokenFor('mission_officer', { email: MO1 }));
    officer2 = agentOf(t, await t.tokenFor('mission_officer', { email: MO2 }));
    await t.tokenFor('cdom');
    await t.tokenFor('departement');
    const me = (await officer('get', '/api/auth/me').expect(200)).body.id as string;
    const colleague = (await officer2('get', '/api/auth/me').expect(200)).body.id as string;

    // Hers: Wednesday at 9. The colleague keeps the default (Monday at 8) but no e-mail for the digest.
    await officer('put', '/api/notifications/preferences')
      .send({ emailKinds: ['weekly_digest'], digestWeekday: 3, digestHour: 9 })
      .expect(200);
    await officer2('put', '/api/notifications/preferences')
      .send({ emailKinds: [], digestWeekday: 1, digestHour: 8 })
      .expect(200);

    const site = (
      await officer('post', '/api/sites')
        .send(buildSite({ name: 'MSP des Capucins' }))
        .expect(201)
    ).body;
    const professional = await insertProfessional(t, { firstName: 'Hélène', lastName: 'Durand' });
    await officer('post', '/api/accreditations')
      .send(
        buildAccreditation(
          { professionalId: professional.id },
          { status: 'granted', startDate: '2021-06-01', endDate: '2026-05-31' },
        ),
      )
      .expect(201);
    const tasks: [string, string, string | null][] = [
      ['Relancer la mairie de Melun', '2026-03-09', me], // hers, overdue
      ['Préparer le comité de suivi', '2026-03-13', null], // the team's, this week
      ['Appeler le Dr Martin', '2026-03-12', colleague], // the colleague's: not in her digest
      ['Bilan de fin de semestre', '2026-04-30', me], // later
    ];
    for (const [title, dueOn, ownerId] of tasks) {
      await officer('post', '/api/tasks').send({ title, dueOn, ownerId }).expect(201);
    }
    const visit = (
      await officer('post', '/api/site-visits')
        .send({ siteId: site.id, purpose: 'follow_up', plannedOn: '2026-03-12', plannedTime: '10:00' })
        .expect(201)
    ).body;
    ids = { professional: professional.id, visit: visit.id };
    // Starting the app (and its territory) takes more than 30 s on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await second.close();
    await t.close();
    await smtp.close();
  });

  it('waits for the day and hour each chose, then writes one digest per officer whatever the instances', async () => {
    setClock(apps, at('08:30'));
    await runEverywhere(apps);
    // The colleague's Monday has passed this week: hers is written (in the app only); not yet the officer's.
    expect((await digests(MO2)).length).toBe(1);
    expect(await digests(MO1)).toEqual([]);

    setClock(apps, at('09:30'));
    await Promise.all([runEverywhere(apps), runEverywhere(apps)]);
    await runEverywhere(apps);
    const [mail] = await smtp.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smtp.messages).toHaveLength(1);
    expect(mailsTo(smtp.messages, MO1)).toHaveLength(1);
    expect((await digests()).length).toBe(2); // nobody but the two officers
    expect((await digests(MO1)).length).toBe(1);

    expect(mail.subject).toBe(
      '[Maillage] Votre récapitulatif de la semaine : 1 tâche en retard, 1 tâche à venir, ' +
        '1 agrément arrive à échéance, 1 visite prévue.',
    );
    const text = mail.text ?? '';
    expect(text).toContain('Votre semaine du 11 mars 2026 au 17 mars 2026');
    expect(text).toContain('Tâches en retard (1)');
    expect(text).toContain(`- Relancer la mairie de Melun — échéance le 09/03/2026 : ${APP_URL}/taches`);
    expect(text).toContain('Tâches des 7 prochains jours (1)');
    expect(text).toContain('- Préparer le comité de suivi — le 13/03/2026');
    expect(text).not.toContain('Dr Martin');
    expect(text).not.toContain('Bilan de fin de semestre');
    expect(text).toContain(`- Dr Hélène Durand — fin le 31/05/2026 : ${APP_URL}/professionnels/${ids.professional}`);
    expect(text).toContain(`- 12/03/2026 à 10 h 00 — MSP des Capucins : ${APP_URL}/visites/${ids.visit}`);
    expect(mail.html).toContain(`href="${APP_URL}/visites/${ids.visit}"`);
    expect(mail.html).toContain(`href="${APP_URL}/notifications/preferences"`);

    const [notice] = (await officer('get', '/api/notifications').expect(200)).body.items;
    expect(notice).toMatchObject({
      kind: 'weekly_digest',
      title: 'Votre semaine du 11 mars 2026 au 17 mars 2026',
      body: '1 tâche en retard, 1 tâche à venir, 1 agrément arrive à échéance, 1 visite prévue.',
      link: '/taches',
    });
    const [colleagues] = (await officer2('get', '/api/notifications').expect(200)).body.items;
    expect(colleagues.body).toBe('0 tâche en retard, 2 tâches à venir, 1 agrément arrive à échéance, 1 visite prévue.');
  });

  it('writes the next one the following week', async () => {
    setClock(apps, new Date('2026-03-18T09:30:00+01:00'));
    await runEverywhere(apps);
    await runEverywhere(apps);
    await smtp.waitFor(2);
    expect((await digests(MO1)).length).toBe(2);
    expect((await digests(MO2)).length).toBe(2);
    expect(mailsTo(smtp.messages, MO1)).toHaveLength(2);
    expect(mailsTo(smtp.messages, MO2)).toHaveLength(0);
  });
});
