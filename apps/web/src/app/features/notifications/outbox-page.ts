import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import {
  NOTIFICATION_KIND_INFO,
  OUTBOX_STATUS_LABELS,
  type OutboxMessageView,
  type OutboxStatus,
  type OutboxSummary,
  type Page,
} from '@maillage/shared/domain';
import { badges, FormErrors, LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { NotificationsApi, OUTBOX_URL } from './notifications-api';

const STATUS_BADGES = badges(OUTBOX_STATUS_LABELS, {
  pending: { tone: 'info', icon: 'schedule' },
  sending: { tone: 'info', icon: 'send' },
  sent: { tone: 'success', icon: 'check_circle' },
  failed: { tone: 'danger', icon: 'error' },
});

/** The administrator's view of the e-mail outbox: what failed and why, what waits, and « Renvoyer ». */
@Component({
  selector: 'app-outbox-page',
  imports: [LIST_PAGE, FormErrors, MatButtonToggleModule],
  template: `
    <ui-list-shell
      heading="E-mails envoyés"
      lead="Les e-mails des notifications : en échec d’abord, avec la dernière réponse du serveur, puis en attente."
      items="e-mails"
      [resource]="messages"
      [countWords]="countWords"
      [filterable]="true"
    >
      <ng-container uiListIntro>
        @if (summary.value(); as s) {
          @if (!s.emailEnabled) {
            <p class="notice--info" role="note">
              L’envoi d’e-mails n’est pas configuré (SMTP_URL) : les notifications restent dans l’application.
            </p>
          }
          <p class="muted">
            {{ s.counts.failed }} en échec · {{ s.counts.pending }} en attente · {{ s.counts.sent }} envoyés
          </p>
        }
        <ui-form-errors [submission]="action" />
      </ng-container>
      <ng-container uiListFilters>
        <mat-button-toggle-group aria-label="État des e-mails" [value]="status()" (change)="status.set($event.value)">
          <mat-button-toggle value="failed">En échec</mat-button-toggle>
          <mat-button-toggle value="pending">En attente</mat-button-toggle>
          <mat-button-toggle value="sent">Envoyés</mat-button-toggle>
        </mat-button-toggle-group>
      </ng-container>
      <ui-data-table label="E-mails" emptyText="Aucun e-mail dans cet état." [columns]="columns">
        <ng-template uiCell="status" let-m><ui-status-badge [badge]="statusBadge(m.status)" /></ng-template>
        <ng-template uiCell="subject" let-m>
          <span class="cell-title">{{ m.subject }}</span>
          <span class="cell-detail">{{ m.recipient }} · {{ kindLabel(m) }}</span>
        </ng-template>
        <ng-template uiCell="error" let-m
          ><span class="cell-clip">{{ m.lastError ?? '—' }}</span></ng-template
        >
        <ng-template uiCell="actions" let-m>
          @if (m.status !== 'sent') {
            <button mat-button type="button" [disabled]="action.pending()" (click)="retry(m)">
              Renvoyer<span class="visually-hidden"> l’e-mail « {{ m.subject }} » à {{ m.recipient }}</span>
            </button>
          }
        </ng-template>
      </ui-data-table>
    </ui-list-shell>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPage {
  private readonly api = inject(NotificationsApi);
  protected readonly status = signal<OutboxStatus>('failed');
  protected readonly countWords = { none: 'Aucun e-mail.', one: '1 e-mail.', many: '{n} e-mails.' };
  protected readonly columns: TableColumn<OutboxMessageView>[] = [
    { key: 'status', header: 'État' },
    { key: 'subject', header: 'E-mail' },
    { key: 'attempts', header: 'Tentatives', numeric: true, text: (m) => `${m.attempts} / ${m.maxAttempts}` },
    { key: 'error', header: 'Dernière erreur' },
    { key: 'actions', header: 'Actions', hiddenHeader: true },
  ];
  protected readonly messages = httpResource<Page<OutboxMessageView>>(() => ({
    url: OUTBOX_URL,
    params: { status: this.status() },
  }));
  protected readonly summary = httpResource<OutboxSummary>(() => `${OUTBOX_URL}/summary`);
  protected readonly action = actionSubmission();

  protected statusBadge(status: OutboxStatus) {
    return STATUS_BADGES(status);
  }

  protected kindLabel(m: OutboxMessageView): string {
    return NOTIFICATION_KIND_INFO[m.kind].label;
  }

  protected async retry(m: OutboxMessageView): Promise<void> {
    await this.action.run(() => this.api.retry(m.id), {
      success: 'E-mail remis en file d’envoi.',
      then: () => {
        this.messages.reload();
        this.summary.reload();
      },
    });
  }
}
