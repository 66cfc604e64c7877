import { todayInFrance } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';

/**
 * The time as the app sees it. Inject it instead of calling `new Date()` so that tests can
 * move it (`jest.spyOn(app.get(Clock), 'now')`); "today" is the calendar day in France.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** `YYYY-MM-DD` in Europe/Paris, whatever the server's time zone. */
  today(): string {
    return todayInFrance(this.now());
  }
}
