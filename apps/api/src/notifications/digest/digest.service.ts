import { isoWeekOf, rolesWith } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';

import { accreditationRulesOf, AppConfig } from '../../config/app-config';
import { User } from '../../users/user.entity';
import { Notification } from '../notification.entity';
import { Notifier, toRecipient } from '../notifier';
import { PreferencesService } from '../preferences.service';
import { digestData } from './digest-data';
import { digestNotice } from './digest-notice';
import { isDigestDue, parisMoment } from './paris-time';

/**
 * The weekly digest of the accounts holding `notifications.digest` (the mission officers), on
 * the day and hour each chose (Paris time). Keyed by user and ISO week: however many instances
 * run it and however often, each user gets one digest a week (in the app, and by e-mail if chosen).
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifier: Notifier,
    private readonly preferences: PreferencesService,
    private readonly config: AppConfig,
  ) {}

  /** Writes the digests due at `now`; returns how many were written by this run. */
  async run(now: Date): Promise<number> {
    const moment = parisMoment(now);
    const week = isoWeekOf(moment.date);
    const users = await this.db.getRepository(User).find({
      where: { isActive: true, role: In([...rolesWith('notifications.digest')]), departementCode: Not(IsNull()) },
      order: { id: 'ASC' },
    });
    const prefs = await this.preferences.preferencesOf(this.db.manager, users);
    const due = users.filter((u) => {
      const p = prefs.get(u.id);
      return p !== undefined && isDigestDue(moment, p);
    });
    if (due.length === 0) return 0;
    const keyOf = (u: User) => `weekly_digest:${week}:${u.id}`;
    const done = new Set(
      (await this.db.getRepository(Notification).findBy({ dedupeKey: In(due.map(keyOf)) })).map((n) => n.dedupeKey),
    );
    let created = 0;
    for (const user of due.filter((u) => !done.has(keyOf(u)))) {
      const departementCode = user.departementCode as string;
      created += await this.db.transaction(async (manager) => {
        const data = await digestData(manager, user, moment.date, accreditationRulesOf(this.config));
        return this.notifier.deliver(manager, [toRecipient(user)], () => digestNotice(departementCode, data));
      });
    }
    if (created > 0) this.logger.log({ msg: 'weekly digests written', week, count: created });
    return created;
  }
}
