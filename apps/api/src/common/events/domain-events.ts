import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AuditActor } from '../persistence/scoped-records';

/**
 * Business events other modules react to. They are published inside the transaction of the
 * change, and handlers write with the same `manager`: a notification exists if and only if the
 * change it tells about was committed.
 */
export type DomainEvent =
  /** A referral was created (by the CDOM or the mission officer: `actor.role` tells). */
  | { type: 'referral.created'; referralId: string; actor: AuditActor }
  /** A referral was closed: converted, declined or not eligible. */
  | { type: 'referral.closed'; referralId: string; actor: AuditActor }
  /** An installation intent was reported. */
  | { type: 'intent.reported'; intentId: string; actor: AuditActor };

export type DomainEventType = DomainEvent['type'];
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
type Handler<T extends DomainEventType> = (manager: EntityManager, event: DomainEventOf<T>) => Promise<void>;

/** A small in-process publisher: handlers subscribe at start, publishers await them in their transaction. */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventType, Handler<DomainEventType>[]>();

  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<DomainEventType>);
    this.handlers.set(type, list);
  }

  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(manager, event);
  }
}

/** Global, so that any domain module may publish without importing the modules that listen. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
