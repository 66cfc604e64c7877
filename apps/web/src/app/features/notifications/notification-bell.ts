import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import type { NotificationView } from '@maillage/shared/domain';
import { FrenchDatePipe } from '@maillage/web/ui';
import { NotificationsApi } from './notifications-api';

/** How often the bell asks for the unread count (and when the tab comes back). */
const POLL_MS = 30_000;

/** The header's bell: unread count, the latest notices, mark as read, a link to each record. */
@Component({
  selector: 'app-notification-bell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    RouterLink,
    FrenchDatePipe,
  ],
  template: `
    <button
      mat-icon-button
      type="button"
      class="bell"
      [matMenuTriggerFor]="menu"
      (menuOpened)="load()"
      [attr.aria-label]="label()"
    >
      <mat-icon
        aria-hidden="true"
        [matBadge]="api.unread() > 99 ? '99+' : api.unread()"
        [matBadgeHidden]="api.unread() === 0"
        matBadgeColor="warn"
        matBadgeSize="small"
        >notifications</mat-icon
      >
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="notification-menu">
      <ng-template matMenuContent>
        <div class="menu-head">
          <strong>Notifications</strong>
          @if (api.unread() > 0) {
            <button mat-button type="button" (click)="$event.stopPropagation(); markAll()">
              Tout marquer comme lu
            </button>
          }
        </div>
        <mat-divider />
        @for (item of items(); track item.id) {
          <button mat-menu-item type="button" class="notice" [class.unread]="!item.readAt" (click)="open(item)">
            <mat-icon aria-hidden="true">{{ item.readAt ? 'drafts' : 'mark_email_unread' }}</mat-icon>
            <span class="notice-text">
              <span class="notice-title"
                >{{ item.title }}<span class="visually-hidden">{{ item.readAt ? '' : ' (non lue)' }}</span></span
              >
              <span class="notice-date">{{ item.createdAt | uiDate: 'time' }}</span>
            </span>
          </button>
        } @empty {
          <p class="menu-empty">{{ loading() ? 'Chargement…' : 'Aucune notification.' }}</p>
        }
        <mat-divider />
        <a mat-menu-item routerLink="/notifications">
          <mat-icon aria-hidden="true">settings</mat-icon>
          <span>Toutes les notifications et vos choix d’e-mails</span>
        </a>
      </ng-template>
    </mat-menu>
  `,
  styles: `
    .menu-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding: 4px 12px 4px 16px;
    }
    .notice-text {
      display: flex;
      flex-direction: column;
      line-height: 1.3;
      white-space: normal;
    }
    .notice-date {
      font-size: 0.8rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .unread .notice-title {
      font-weight: 600;
    }
    .menu-empty {
      padding: 12px 16px;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  protected readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  protected readonly items = signal<NotificationView[]>([]);
  protected readonly loading = signal(false);

  constructor() {
    const refresh = () => void this.api.refreshUnread().catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    });
  }

  protected label(): string {
    const n = this.api.unread();
    return n === 0 ? 'Notifications, aucune non lue' : `Notifications, ${n} non lue${n > 1 ? 's' : ''}`;
  }

  protected async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.items.set((await this.api.latest()).items);
      await this.api.refreshUnread();
    } finally {
      this.loading.set(false);
    }
  }

  protected async open(item: NotificationView): Promise<void> {
    if (!item.readAt) await this.api.markRead(item.id);
    await this.router.navigateByUrl(item.link);
  }

  protected async markAll(): Promise<void> {
    await this.api.markAllRead();
    await this.load();
  }
}
