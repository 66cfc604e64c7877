import { hasPermission, NOTIFICATION_KIND_INFO, type Permission } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AppConfig, appUrlOf } from '../config/app-config';
import { renderEmail } from '../mail/email-layout';
import { OutboxService } from '../mail/outbox.service';
import { User } from '../users/user.entity';
import type { Notice, Recipient } from './notices/notice';
import { PreferencesService } from './preferences.service';

/**
 * Delivers notices in the caller's transaction: one `notifications` row per recipient (the
 * bell), and an outbox e-mail for those who chose this kind by e-mail when e-mail is configured.
 * Both are keyed (`<notice key>:<user id>`): writing a notice twice changes nothing.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly outbox: OutboxService,
    private readonly preferences: PreferencesService,
    private readonly config: AppConfig,
  ) {}

  /** Active accounts of a département whose role holds `permission`. */
  async recipientsWith(manager: EntityManager, departementCode: string, permission: Permission): Promise<Recipient[]> {
    const users = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.departementCode = :departementCode AND u.isActive', { departementCode })
      .orderBy('u.email', 'ASC')
      .getMany();
    return users.filter((u) => hasPermission(u.role, permission)).map(toRecipient);
  }

  /** Returns how many in-app notices were new. */
  async deliver(
    manager: EntityManager,
    recipients: readonly Recipient[],
    build: (to: Recipient) => Notice,
  ): Promise<number> {
    const notices = recipients
      .map((to) => ({ to, notice: build(to) }))
      .filter(({ to, notice }) => hasPermission(to.role, NOTIFICATION_KIND_INFO[notice.kind].permission));
    const prefs = await this.preferences.preferencesOf(
      manager,
      notices.map((n) => n.to),
    );
    let created = 0;
    for (const { to, notice } of notices) {
      const key = `${notice.key}:${to.id}`;
      const inserted = (await manager.query(
        `INSERT INTO notifications (departement_code, user_id, kind, title, body, link, dedupe_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [notice.departementCode, to.id, notice.kind, notice.title, notice.body, notice.link, key],
      )) as unknown[];
      created += inserted.length;
      if (this.outbox.enabled && prefs.get(to.id)?.emailKinds.includes(notice.kind)) {
        await this.outbox.enqueue(manager, {
          departementCode: notice.departementCode,
          kind: notice.kind,
          dedupeKey: key,
          userId: to.id,
          recipient: to.email,
          email: renderEmail(notice.email, appUrlOf(this.config)),
        });
      }
    }
    return created;
  }
}

export function toRecipient(u: Pick<User, 'id' | 'email' | 'displayName' | 'role'>): Recipient {
  return { id: u.id, email: u.email, displayName: u.displayName, role: u.role };
}
