import type { INestApplication } from '@nestjs/common';
import type { ParsedMail } from 'mailparser';

import { createApp } from '../src/bootstrap';
import { Clock } from '../src/common/clock/clock';
import { NotificationsScheduler, type NotificationsRun } from '../src/notifications/notifications-scheduler';
import type { Body } from './site-factories';
import type { AuthedAgent, TestApp } from './test-app';

let sequence = 0;

/** A valid body for `POST /api/candidate-referrals` (a candidate not in the registry). */
export function buildReferral(overrides: Body = {}): Body {
  sequence += 1;
  return {
    civility: 'DR',
    firstName: 'Hélène',
    lastName: `Durand${sequence}`,
    specialty: 'Médecine générale',
    communeCode: '77186',
    reason: 'Installée depuis trois ans, accueille déjà des externes et souhaite encadrer des internes.',
    priority: 'high',
    ...overrides,
  };
}

/** A second API process on the same database (what a load balancer would run beside the first). */
export async function startSecondInstance(t: TestApp): Promise<INestApplication> {
  const app = await createApp(t.config, t.databaseUrl, { quiet: true });
  await app.init();
  return app;
}

/** Runs the notifications job of every instance at the same moment. */
export function runEverywhere(apps: readonly INestApplication[]): Promise<NotificationsRun[]> {
  return Promise.all(apps.map((app) => app.get(NotificationsScheduler).runOnce()));
}

/** Moves the clock of every instance. */
export function setClock(apps: readonly INestApplication[], instant: Date): void {
  for (const app of apps) jest.spyOn(app.get(Clock), 'now').mockReturnValue(instant);
}

/** An agent for a bearer token. */
export const agentOf =
  (t: TestApp, token: string): AuthedAgent =>
  (method, path) =>
    t.http()[method](path).set('Authorization', `Bearer ${token}`);

/** The addresses an e-mail was sent to. */
export function recipientsOf(mail: ParsedMail): string[] {
  const to = [mail.to ?? []].flat();
  return to.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

/** E-mails received for one address. */
export function mailsTo(messages: readonly ParsedMail[], address: string): ParsedMail[] {
  return messages.filter((m) => recipientsOf(m).includes(address));
}
