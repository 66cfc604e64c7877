import { REMINDER_RULES, type ReminderRule, type ReminderRunResult } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppConfig } from '../../config/app-config';
import { REMINDER_STATEMENTS } from './reminder-rules';

/** Any constant shared by every instance of the app (migrations use 772_023). */
export const REMINDERS_LOCK = 772_024;

/**
 * Raises the reminders due on `today`. Safe with several API instances on one database: the
 * run takes a transaction-level advisory lock (a second instance running at the same moment
 * skips), and each rule inserts against the unique reminder key (a later run adds nothing).
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** `departements`: `null` for all (the job), or the caller's only (the manual run). */
  run(today: string, departements: string[] | null = null): Promise<ReminderRunResult> {
    return this.db.transaction(async (manager) => {
      const created = Object.fromEntries(REMINDER_RULES.map((rule) => [rule, 0])) as Record<ReminderRule, number>;
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        REMINDERS_LOCK,
      ])) as { locked: boolean }[];
      if (!locked) {
        this.logger.log({ msg: 'reminders skipped: another instance holds the lock', today });
        return { today, skipped: true, created, total: 0 };
      }
      for (const rule of REMINDER_RULES) {
        const { sql, setting } = REMINDER_STATEMENTS[rule];
        const params = setting ? [today, departements, setting(this.config, today)] : [today, departements];
        created[rule] = ((await manager.query(sql, params)) as unknown[]).length;
      }
      const total = Object.values(created).reduce((sum, n) => sum + n, 0);
      if (total > 0) this.logger.log({ msg: 'reminders raised', today, total, ...created });
      return { today, skipped: false, created, total };
    });
  }
}
