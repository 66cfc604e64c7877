import {
  type EntitySubscriberInterface,
  EventSubscriber,
  type InsertEvent,
  type TransactionCommitEvent,
} from 'typeorm';

import { idempotencyStorage, NOT_CREATED_RECORDS } from './idempotency-context';

/**
 * Marks the `Idempotency-Key` of the request as committed in the same transaction as the
 * create itself: either both are written or neither, so a retry can never create twice, even
 * when the answer to the first attempt was lost after the commit.
 */
@EventSubscriber()
export class IdempotencySubscriber implements EntitySubscriberInterface {
  afterInsert(event: InsertEvent<unknown>): void {
    const context = idempotencyStorage.getStore();
    const id = (event.entity as { id?: unknown } | undefined)?.id;
    if (!context || context.created || typeof id !== 'string') return;
    if (NOT_CREATED_RECORDS.has(event.metadata.tableName)) return;
    context.created = { table: event.metadata.tableName, id };
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const context = idempotencyStorage.getStore();
    if (!context || context.committed) return;
    await event.queryRunner.query(
      `UPDATE idempotency_keys SET state = 'committed', created_id = $3 WHERE user_id = $1 AND key = $2`,
      [context.userId, context.key, context.created?.id ?? null],
    );
  }

  afterTransactionCommit(): void {
    const context = idempotencyStorage.getStore();
    if (context) context.committed = true;
  }
}
