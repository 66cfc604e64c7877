import { type EntitySubscriberInterface, EventSubscriber } from 'typeorm';

import { requestAbandoned } from './request-deadline';

/** A transaction of a request already answered 503 (its deadline passed) is rolled back, never committed. */
@EventSubscriber()
export class RequestDeadlineSubscriber implements EntitySubscriberInterface {
  beforeTransactionCommit(): void {
    if (requestAbandoned()) throw new Error('Request abandoned at its deadline: transaction rolled back');
  }
}
