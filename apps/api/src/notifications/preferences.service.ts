import {
  type AuthUser,
  DEFAULT_DIGEST_HOUR,
  DEFAULT_DIGEST_WEEKDAY,
  NOTIFICATION_KIND_INFO,
  type NotificationKind,
  notificationKindsFor,
  type NotificationPreferences,
  type NotificationPreferencesView,
  type Role,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { MailTransport } from '../mail/mail-transport';
import type { UpdatePreferencesDto } from './dto/preferences.dto';
import { NotificationPreference } from './notification-preference.entity';

/** Without a saved choice: every notice of the role by e-mail, the digest on Monday at 8. */
export function defaultPreferences(role: Role): NotificationPreferences {
  return {
    emailKinds: notificationKindsFor(role),
    digestWeekday: DEFAULT_DIGEST_WEEKDAY,
    digestHour: DEFAULT_DIGEST_HOUR,
  };
}

/** A saved choice, restricted to the kinds the role receives today (roles change). */
function effective(role: Role, row: NotificationPreference | undefined): NotificationPreferences {
  if (!row) return defaultPreferences(role);
  const available = notificationKindsFor(role);
  return {
    emailKinds: available.filter((kind) => row.emailKinds.includes(kind)),
    digestWeekday: row.digestWeekday,
    digestHour: row.digestHour,
  };
}

/** Each user's choice of notices by e-mail and of the digest's day and hour. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
  ) {}

  /** The preferences of several users at once (defaults for those who saved none). */
  async preferencesOf(
    manager: EntityManager,
    users: readonly { id: string; role: Role }[],
  ): Promise<Map<string, NotificationPreferences>> {
    const rows = users.length
      ? await manager.getRepository(NotificationPreference).findBy({ userId: In(users.map((u) => u.id)) })
      : [];
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    return new Map(users.map((u) => [u.id, effective(u.role, byUser.get(u.id))]));
  }

  async get(user: AuthUser): Promise<NotificationPreferencesView> {
    const prefs = (await this.preferencesOf(this.db.manager, [user])).get(user.id) as NotificationPreferences;
    return this.view(user, prefs);
  }

  async update(user: AuthUser, dto: UpdatePreferencesDto): Promise<NotificationPreferencesView> {
    const available = notificationKindsFor(user.role);
    const foreign = dto.emailKinds.filter((kind) => !available.includes(kind));
    if (foreign.length) {
      const names = foreign.map((kind) => `« ${NOTIFICATION_KIND_INFO[kind].label} »`).join(', ');
      throw new DomainException('BAD_INPUT', `emailKinds : votre rôle ne reçoit pas ${names}.`);
    }
    const emailKinds = available.filter((kind: NotificationKind) => dto.emailKinds.includes(kind));
    await this.db
      .getRepository(NotificationPreference)
      .upsert({ userId: user.id, emailKinds, digestWeekday: dto.digestWeekday, digestHour: dto.digestHour }, [
        'userId',
      ]);
    return this.view(user, { emailKinds, digestWeekday: dto.digestWeekday, digestHour: dto.digestHour });
  }

  private view(user: AuthUser, prefs: NotificationPreferences): NotificationPreferencesView {
    return { ...prefs, availableKinds: notificationKindsFor(user.role), emailEnabled: this.transport.enabled };
  }
}
