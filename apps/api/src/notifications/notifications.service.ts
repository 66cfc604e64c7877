import type { MarkAllReadResult, NotificationView, Page, UnreadNotifications } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import type { ListNotificationsQuery } from './dto/list-notifications.query';
import { Notification } from './notification.entity';

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** A user's own notices: nobody reads another's (an unknown or foreign id answers 404). */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(userId: string, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    const [rows, total] = await this.db.getRepository(Notification).findAndCount({
      where: { userId, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toNotificationView), total, page: query.page, pageSize: query.pageSize };
  }

  async unread(userId: string): Promise<UnreadNotifications> {
    return { unread: await this.db.getRepository(Notification).countBy({ userId, readAt: IsNull() }) };
  }

  /** Marks one notice read (again: no change). */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const repo = this.db.getRepository(Notification);
    await repo.update({ id, userId, readAt: IsNull() }, { readAt: () => 'now()' });
    const row = await repo.findOneBy({ id, userId });
    if (!row) throw DomainException.notFound('Notification');
    return toNotificationView(row);
  }

  async markAllRead(userId: string): Promise<MarkAllReadResult> {
    const result = await this.db
      .getRepository(Notification)
      .update({ userId, readAt: IsNull() }, { readAt: () => 'now()' });
    return { updated: result.affected ?? 0 };
  }
}
