import type { OutboxMessageView, Page } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';

import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Notification } from '../src/notifications/notification.entity';
import { NotificationsScheduler } from '../src/notifications/notifications-scheduler';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { agentOf, buildReferral, runEverywhere, setClock, startSecondInstance } from './notification-factories';
import { closedPort, startTestSmtp, type TestSmtp } from './smtp-test-server';
import { type AuthedAgent, startTestApp, type TestApp } from './test-app';

/** Monday 7:00 in Paris: no weekly digest is due, only event notices travel. */
const BEFORE_DIGESTS = new Date('2026-03-09T06:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilDue(t: TestApp): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [{ due }] = await t.db.query<{ due: boolean }[]>(
      `SELECT bool_and(next_attempt_at <= now()) AS due FROM outbox_messages WHERE status = 'pending'`,
    );
    if (due) return;
    await sleep(100);
  }
  throw new Error('the outbox never became due');
}

describe('the e-mail outbox: retries, failures the administrator sees, several instances', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let second: INestApplication;
  let apps: INestApplication[];
  let cdom: AuthedAgent;
  let admin: AuthedAgent;

  const rows = () => t.db.getRepository(OutboxMessage).find({ order: { createdAt: 'ASC' } });
  const run = () => t.app.get(NotificationsScheduler).runOnce();
  /** Seconds between the last attempt and the next one. */
  const waits = async () =>
    (
      await t.db.query<{ s: number }[]>(
        `SELECT extract(epoch FROM next_attempt_at - updated_at)::int AS s FROM outbox_messages ORDER BY created_at`,
      )
    ).map((r) => r.s);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await startTestApp({
      TERRITORY_DEPARTEMENTS: '77,75',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ne-pas-repondre@departement77.fr',
      MAIL_RETRY_SECONDS: '1',
      MAIL_MAX_ATTEMPTS: '3',
    });
    await t.app.get(TerritoryLoaderService).load(['77', '75']);
    second = await startSecondInstance(t);
    apps = [t.app, second];
    setClock(apps, BEFORE_DIGESTS);
    await t.tokenFor('mission_officer');
    cdom = agentOf(t, await t.tokenFor('cdom'));
    admin = agentOf(t, await t.tokenFor('admin'));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await t.db.query('DELETE FROM outbox_messages');
    smtp.messages.length = 0;
    smtp.refuseWith = null;
  });

  it('retries a message the server defers (4xx) with a doubling delay, then marks it failed', async () => {
    smtp.refuseWith = 451;
    await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    expect((await run()).delivery).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, maxAttempts: 3 });
    expect(row.lastError).toContain('451');
    expect(await waits()).toEqual([1]);

    // Not due yet: a run right away leaves it alone.
    expect((await run()).delivery).toEqual({ sent: 0, retried: 0, failed: 0 });
    await waitUntilDue(t);
    expect((await run()).delivery).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(await waits()).toEqual([2]);
    await waitUntilDue(t);
    expect((await run()).delivery).toEqual({ sent: 0, retried: 0, failed: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(smtp.attempts).toBeGreaterThanOrEqual(3);
    expect(smtp.messages).toEqual([]);
  });

  it('retries a message the server refuses (5xx) too', async () => {
    smtp.refuseWith = 550;
    await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    expect((await run()).delivery).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await rows())[0].lastError).toContain('550');
  });

  it('shows the administrator what failed, with the last error, and sends it again on request', async () => {
    smtp.refuseWith = 451;
    await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    await t.db.query(`UPDATE outbox_messages SET max_attempts = 1`);
    expect((await run()).delivery.failed).toBe(1);

    const page = (await admin('get', '/api/outbox?status=failed').expect(200)).body as Page<OutboxMessageView>;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'referral_created',
      recipient: 'mission_officer.77@test.maillage.fr',
      status: 'failed',
      attempts: 1,
      departementCode: '77',
    });
    expect(page.items[0].subject).toMatch(/^\[Maillage\] Nouveau signalement du CDOM : /);
    expect(page.items[0].lastError).toContain('451');
    expect((await admin('get', '/api/outbox/summary').expect(200)).body).toEqual({
      counts: { pending: 0, sending: 0, sent: 0, failed: 1 },
      emailEnabled: true,
    });

    // Only administrators, and only those of the message's département.
    for (const role of ['mission_officer', 'cdom', 'departement', 'committee'] as const) {
      await (await t.as(role))('get', '/api/outbox').expect(403);
      await (await t.as(role))('post', `/api/outbox/${page.items[0].id}/retry`).expect(403);
    }
    const admin75 = agentOf(t, await t.tokenFor('admin', { departementCode: '75', email: 'admin@75.test' }));
    expect((await admin75('get', '/api/outbox').expect(200)).body.total).toBe(0);
    await admin75('post', `/api/outbox/${page.items[0].id}/retry`).expect(404);
    await t.http().get('/api/outbox').expect(401);

    smtp.refuseWith = null;
    const retried = (await admin('post', `/api/outbox/${page.items[0].id}/retry`).expect(200)).body;
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    await runEverywhere(apps);
    await smtp.waitFor(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
    const again = await admin('post', `/api/outbox/${page.items[0].id}/retry`).expect(409);
    expect(again.body.message).toBe('Ce message a déjà été envoyé.');
    await admin('get', '/api/outbox?status=lost').expect(400);
  });

  it('sends each message once when both instances run at the same time', async () => {
    for (let i = 0; i < 12; i++) await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    await Promise.all([runEverywhere(apps), runEverywhere(apps)]);
    await smtp.waitFor(12);
    await sleep(200);
    expect(smtp.messages).toHaveLength(12);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(12);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('takes over a message whose instance stopped while sending, once its lease ran out', async () => {
    await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    await t.db.query(
      `UPDATE outbox_messages SET status = 'sending', attempts = 1, locked_by = 'stopped-instance',
         locked_until = now() + interval '1 minute'`,
    );
    await runEverywhere(apps);
    expect(smtp.messages).toEqual([]); // the lease still holds
    await t.db.query(`UPDATE outbox_messages SET locked_until = now() - interval '1 second'`);
    await runEverywhere(apps);
    await smtp.waitFor(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, lockedBy: null });
  });
});

describe('an unreachable SMTP server, and none at all', () => {
  it('keeps the app working and the message waiting in the outbox', async () => {
    const t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
      MAIL_FROM: 'ne-pas-repondre@departement77.fr',
    });
    try {
      setClock([t.app], BEFORE_DIGESTS);
      const officer = await t.as('mission_officer');
      const cdom = await t.as('cdom');
      await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
      expect((await t.app.get(NotificationsScheduler).runOnce()).delivery).toEqual({ sent: 0, retried: 1, failed: 0 });
      const [row] = await t.db.getRepository(OutboxMessage).find();
      expect(row.status).toBe('pending');
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      await t.http().get('/api/health').expect(200);
      expect((await officer('get', '/api/notifications/unread-count').expect(200)).body.unread).toBe(1);
      await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
    } finally {
      await t.close();
    }
  });

  it('without SMTP_URL, keeps notices in the app and queues no e-mail', async () => {
    const t = await startTestApp();
    try {
      setClock([t.app], BEFORE_DIGESTS);
      const officer = await t.as('mission_officer');
      const cdom = await t.as('cdom');
      await cdom('post', '/api/candidate-referrals').send(buildReferral()).expect(201);
      expect((await t.app.get(NotificationsScheduler).runOnce()).delivery).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(await t.db.getRepository(OutboxMessage).count()).toBe(0);
      expect(await t.db.getRepository(Notification).count()).toBe(1);
      expect((await officer('get', '/api/notifications/preferences').expect(200)).body.emailEnabled).toBe(false);
      expect((await (await t.as('admin'))('get', '/api/outbox/summary').expect(200)).body.emailEnabled).toBe(false);
    } finally {
      await t.close();
    }
  });
});
