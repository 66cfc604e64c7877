import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';

import { type DomainEventOf, DomainEvents } from '../common/events/domain-events';
import { InstallationIntent } from '../intents/installation-intent.entity';
import { CandidateReferral } from '../referrals/candidate-referral.entity';
import { Commune } from '../territory/entities/commune.entity';
import { User } from '../users/user.entity';
import { intentReportedNotice } from './notices/intent-notices';
import { type ReferralFacts, referralClosedNotice, referralCreatedNotice } from './notices/referral-notices';
import { Notifier, toRecipient } from './notifier';

/**
 * Turns business events into notices, in the event's transaction:
 * - the CDOM flags a candidate or reports an installation intent → the département's mission officers;
 * - a referral the CDOM made is converted or closed → the CDOM account that made it (or, if it
 *   is no longer active, the département's active CDOM accounts).
 * A referral or intent recorded by the mission officer herself tells nobody.
 */
@Injectable()
export class EventNotifications implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('referral.created', (manager, event) => this.referralCreated(manager, event));
    this.events.subscribe('referral.closed', (manager, event) => this.referralClosed(manager, event));
    this.events.subscribe('intent.reported', (manager, event) => this.intentReported(manager, event));
  }

  private async referralCreated(manager: EntityManager, event: DomainEventOf<'referral.created'>): Promise<void> {
    if (event.actor.role !== 'cdom') return;
    const facts = await referralFacts(manager, event.referralId);
    const recipients = await this.notifier.recipientsWith(manager, facts.departementCode, 'notifications.cdomInput');
    await this.notifier.deliver(manager, recipients, (to) => referralCreatedNotice(facts, to));
  }

  private async referralClosed(manager: EntityManager, event: DomainEventOf<'referral.closed'>): Promise<void> {
    const referral = await manager.getRepository(CandidateReferral).findOneByOrFail({ id: event.referralId });
    const referrer = await manager.getRepository(User).findOneBy({ id: referral.referredById });
    if (referrer?.role !== 'cdom') return;
    const recipients =
      referrer.isActive && referrer.departementCode === referral.departementCode
        ? [toRecipient(referrer)]
        : await this.notifier.recipientsWith(manager, referral.departementCode, 'notifications.referralOutcome');
    const facts = await referralFacts(manager, referral.id);
    await this.notifier.deliver(manager, recipients, (to) => referralClosedNotice(facts, to));
  }

  private async intentReported(manager: EntityManager, event: DomainEventOf<'intent.reported'>): Promise<void> {
    if (event.actor.role !== 'cdom') return;
    const intent = await manager.getRepository(InstallationIntent).findOneByOrFail({ id: event.intentId });
    const communes = intent.targetCommuneCodes.length
      ? await manager.getRepository(Commune).findBy({ code: In(intent.targetCommuneCodes) })
      : [];
    const reporter = await manager.getRepository(User).findOneBy({ id: intent.reportedById });
    const facts = {
      id: intent.id,
      departementCode: intent.departementCode,
      person:
        intent.consent && intent.firstName && intent.lastName
          ? `${intent.firstName} ${intent.lastName}`
          : intent.initials,
      specialty: intent.specialty,
      faculty: intent.faculty,
      horizon: intent.horizon,
      communeNames: intent.targetCommuneCodes.map((code) => communes.find((c) => c.code === code)?.name ?? code),
      reportedBy: reporter?.displayName ?? 'Le CDOM',
    };
    const recipients = await this.notifier.recipientsWith(manager, intent.departementCode, 'notifications.cdomInput');
    await this.notifier.deliver(manager, recipients, (to) => intentReportedNotice(facts, to));
  }
}

async function referralFacts(manager: EntityManager, id: string): Promise<ReferralFacts> {
  const r = await manager.getRepository(CandidateReferral).findOneByOrFail({ id });
  const commune = r.communeCode ? await manager.getRepository(Commune).findOneBy({ code: r.communeCode }) : null;
  const referrer = await manager.getRepository(User).findOneBy({ id: r.referredById });
  return {
    id: r.id,
    departementCode: r.departementCode,
    civility: r.civility,
    firstName: r.firstName,
    lastName: r.lastName,
    rpps: r.rpps,
    specialty: r.specialty,
    communeName: commune?.name ?? null,
    priority: r.priority,
    status: r.status,
    outcomeNote: r.outcomeNote,
    referredBy: referrer?.displayName ?? 'Le CDOM',
  };
}
