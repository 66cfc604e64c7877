import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import {
  type InstallationIntentView,
  INTENT_HORIZON_LABELS,
  INTENT_STATUS_LABELS,
  type Page,
} from '@maillage/shared/domain';
import { LIST_PAGE, Notifications, type TableColumn } from '@maillage/web/ui';
import { selectFilters, urlListState } from '@maillage/web/util';
import { AuthStore } from '../../core/auth/auth.store';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { CommuneNames } from '../../shared/territory/commune-names';
import { intentStatusBadge } from './intent-badges';
import { IntentFormDialog, type IntentFormDialogData, type IntentFormDialogResult } from './intent-form-dialog';
import { INTENT_LIST, INTENTS_URL } from './intents-api';

/** `/intentions-installation`: young doctors' plans to settle, reported by the CDOM. */
@Component({
  selector: 'app-intents-page',
  imports: [LIST_PAGE, CommunePicker],
  templateUrl: './intents-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntentsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  protected readonly communes = inject(CommuneNames);

  protected readonly statusBadge = intentStatusBadge;
  protected readonly canEdit = computed(() => this.auth.can('intents.write'));
  protected readonly countWords = {
    none: 'Aucune intention trouvée.',
    one: '1 intention d’installation.',
    many: '{n} intentions d’installation.',
  };
  protected readonly columns = computed<TableColumn<InstallationIntentView>[]>(() => [
    { key: 'person', header: 'Médecin' },
    { key: 'specialty', header: 'Spécialité' },
    { key: 'communes', header: 'Communes visées' },
    { key: 'horizon', header: 'Horizon', sortable: true, text: (i) => INTENT_HORIZON_LABELS[i.horizon] },
    { key: 'status', header: 'Statut', sortable: true },
    { key: 'createdAt', header: 'Signalée le', sortable: true },
    ...(this.canEdit() ? [{ key: 'actions', header: 'Actions', hiddenHeader: true }] : []),
  ]);

  protected readonly list = urlListState(INTENT_LIST, { search: 'q' });
  protected readonly filters = selectFilters(INTENT_LIST, {
    status: { label: 'Statut', all: 'Tous les statuts', labels: INTENT_STATUS_LABELS },
    horizon: { label: 'Horizon', all: 'Tous les horizons', labels: INTENT_HORIZON_LABELS },
  });
  protected readonly intents = httpResource<Page<InstallationIntentView>>(() => this.list.request(INTENTS_URL));
  protected readonly notice = signal<string | null>(null);

  protected personName(intent: InstallationIntentView): string {
    return intent.consent && intent.firstName && intent.lastName
      ? `${intent.firstName} ${intent.lastName}`
      : intent.initials;
  }

  protected open(intent: InstallationIntentView | null): void {
    this.notice.set(null);
    const data: IntentFormDialogData = { intent };
    this.dialog
      .open<IntentFormDialog, IntentFormDialogData, IntentFormDialogResult>(IntentFormDialog, {
        data,
        width: '760px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (result === 'conflict') {
          this.notice.set('Cette intention a été modifiée entre-temps : la liste a été rechargée, recommencez.');
        } else {
          this.notifications.done(intent ? 'Intention enregistrée.' : 'Intention d’installation signalée.');
        }
        this.intents.reload();
      });
  }
}
