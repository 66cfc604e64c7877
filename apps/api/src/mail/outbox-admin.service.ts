import { OUTBOX_STATUSES, type OutboxMessageView, type OutboxSummary, type Page } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import { type Actor, canSee, scopeQuery } from '../common/scope/territory-scope';
import type { ListOutboxQuery } from './dto/list-outbox.query';
import { MailTransport } from './mail-transport';
import { OutboxMessage } from './outbox-message.entity';

const SORTABLE = { createdAt: 'o.createdAt', nextAttemptAt: 'o.nextAttemptAt', attempts: 'o.attempts' };
const LABEL = 'Message';

export function toOutboxView(o: OutboxMessage): OutboxMessageView {
  return {
    id: o.id,
    departementCode: o.departementCode,
    kind: o.kind,
    recipient: o.recipient,
    subject: o.subject,
    status: o.status,
    attempts: o.attempts,
    maxAttempts: o.maxAttempts,
    lastError: o.lastError,
    nextAttemptAt: o.nextAttemptAt?.toISOString() ?? null,
    sentAt: o.sentAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

/** What the administrator sees of the outbox: failed and waiting messages, and a retry. */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
  ) {}

  /** Failed first by default, then pending; newest first within a status. */
  async list(actor: Actor, query: ListOutboxQuery): Promise<Page<OutboxMessageView>> {
    const qb = scopeQuery(this.db.getRepository(OutboxMessage).createQueryBuilder('o'), actor);
    if (query.status?.length) qb.andWhere('o.status IN (:...statuses)', { statuses: query.status });
    if (!query.sort) {
      qb.orderBy(`CASE o.status WHEN 'failed' THEN 0 WHEN 'pending' THEN 1 WHEN 'sending' THEN 2 ELSE 3 END`, 'ASC');
    }
    return paginate(qb, query, SORTABLE, 'createdAt:desc', toOutboxView);
  }

  async summary(actor: Actor): Promise<OutboxSummary> {
    const rows = await scopeQuery(this.db.getRepository(OutboxMessage).createQueryBuilder('o'), actor)
      .select('o.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('o.status')
      .getRawMany<{ status: OutboxMessage['status']; n: number }>();
    const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as OutboxSummary['counts'];
    for (const row of rows) counts[row.status] = row.n;
    return { counts, emailEnabled: this.transport.enabled };
  }

  /** Sends a failed (or waiting) message again from its first attempt, at the next run. */
  async retry(actor: Actor, id: string): Promise<OutboxMessageView> {
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(OutboxMessage);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row || !canSee(actor, row.departementCode)) throw DomainException.notFound(LABEL);
      if (row.status === 'sent') throw new DomainException('INVALID_STATE', 'Ce message a déjà été envoyé.');
      if (row.status === 'sending') {
        throw new DomainException(
          'INVALID_STATE',
          'Ce message est en cours d’envoi : réessayez dans quelques minutes.',
        );
      }
      await repo.update(
        { id },
        { status: 'pending', attempts: 0, nextAttemptAt: () => 'now()', lastError: null, lockedBy: null },
      );
      return toOutboxView(await repo.findOneByOrFail({ id }));
    });
  }
}
