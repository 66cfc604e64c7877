import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import {
  NOTIFICATION_KIND_INFO,
  type NotificationKind,
  type NotificationPreferencesView,
  type NotificationView,
  type Page,
  WEEKDAY_LABELS,
} from '@maillage/shared/domain';
import { FormErrors, FrenchDatePipe, LoadError, Notifications } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { NOTIFICATIONS_URL, NotificationsApi } from './notifications-api';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Every notice of the user, and which of them reach them by e-mail (with the digest's day and hour). */
@Component({
  selector: 'app-notifications-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    FormErrors,
    FrenchDatePipe,
    LoadError,
  ],
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly notifications = inject(Notifications);

  protected readonly kindInfo = NOTIFICATION_KIND_INFO;
  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayLabels = WEEKDAY_LABELS;
  protected readonly hours = HOURS;
  protected readonly unread = this.api.unread;
  protected readonly pageSize = signal(20);
  protected readonly notices = httpResource<Page<NotificationView>>(() => ({
    url: NOTIFICATIONS_URL,
    params: { pageSize: this.pageSize() },
  }));
  protected readonly preferences = httpResource<NotificationPreferencesView>(() => `${NOTIFICATIONS_URL}/preferences`);

  protected readonly form = new FormGroup({
    emailKinds: new FormControl<NotificationKind[]>([], { nonNullable: true }),
    digestWeekday: new FormControl(1, { nonNullable: true }),
    digestHour: new FormControl(8, { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form, {
    labels: { emailKinds: 'Envois par e-mail', digestWeekday: 'Jour du récapitulatif', digestHour: 'Heure' },
  });

  constructor() {
    effect(() => {
      const prefs = this.preferences.value();
      if (prefs) this.form.reset({ ...prefs });
    });
  }

  protected byEmail(kind: NotificationKind): boolean {
    return this.form.controls.emailKinds.value.includes(kind);
  }

  protected toggle(kind: NotificationKind, checked: boolean): void {
    const kinds = this.form.controls.emailKinds.value.filter((k) => k !== kind);
    this.form.controls.emailKinds.setValue(checked ? [...kinds, kind] : kinds);
    this.form.markAsDirty();
  }

  protected hourLabel(hour: number): string {
    return `${String(hour).padStart(2, '0')} h`;
  }

  protected async save(): Promise<void> {
    await this.submission.submit(() => this.api.savePreferences(this.form.getRawValue()), {
      success: 'Vos choix sont enregistrés.',
      then: () => void this.preferences.reload(),
    });
  }

  protected async open(item: NotificationView): Promise<void> {
    if (!item.readAt) await this.api.markRead(item.id);
    await this.router.navigateByUrl(item.link);
  }

  protected async markRead(item: NotificationView): Promise<void> {
    await this.api.markRead(item.id);
    this.notices.reload();
  }

  protected async markAll(): Promise<void> {
    const { updated } = await this.api.markAllRead();
    this.notifications.done(updated > 1 ? `${updated} notifications marquées comme lues.` : 'Notifications lues.');
    this.notices.reload();
  }
}
