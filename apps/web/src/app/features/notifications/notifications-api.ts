import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  MarkAllReadResult,
  NotificationPreferences,
  NotificationPreferencesView,
  NotificationView,
  OutboxMessageView,
  Page,
  UnreadNotifications,
} from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';

export const NOTIFICATIONS_URL = '/api/notifications';
export const OUTBOX_URL = '/api/outbox';

/** The signed-in user's notices: the bell's count, the latest ones, read marks, e-mail choices. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);
  /** The bell's figure, shared by the bell and the notifications page. */
  readonly unread = signal(0);

  async refreshUnread(): Promise<void> {
    const { unread } = await firstValueFrom(this.http.get<UnreadNotifications>(`${NOTIFICATIONS_URL}/unread-count`));
    this.unread.set(unread);
  }

  latest(pageSize = 8): Promise<Page<NotificationView>> {
    return firstValueFrom(this.http.get<Page<NotificationView>>(NOTIFICATIONS_URL, { params: { pageSize } }));
  }

  async markRead(id: string): Promise<NotificationView> {
    const view = await firstValueFrom(this.http.post<NotificationView>(`${NOTIFICATIONS_URL}/${id}/read`, {}));
    await this.refreshUnread();
    return view;
  }

  async markAllRead(): Promise<MarkAllReadResult> {
    const result = await firstValueFrom(this.http.post<MarkAllReadResult>(`${NOTIFICATIONS_URL}/read-all`, {}));
    this.unread.set(0);
    return result;
  }

  savePreferences(body: NotificationPreferences) {
    return this.http.put<NotificationPreferencesView>(`${NOTIFICATIONS_URL}/preferences`, body);
  }

  retry(id: string) {
    return this.http.post<OutboxMessageView>(`${OUTBOX_URL}/${id}/retry`, {});
  }
}
