import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  type InstallationIntentView,
  INTENT_HORIZON_LABELS,
  INTENT_HORIZONS,
  INTENT_STATUS_LABELS,
  INTENT_STATUSES,
  type IntentHorizon,
  type IntentStatus,
  type Page,
  PAGE_SIZE_DEFAULT,
} from '@maillage/shared/domain';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth.store';
import { errorMessages } from '../../core/http/api-error';
import { CommunePicker } from '../../shared/commune-picker/commune-picker';
import { CommuneNames } from '../referrals/commune-names';
import { IntentFormDialog, type IntentFormDialogData, type IntentFormDialogResult } from './intent-form-dialog';
import { type IntentQuery, intentsRequest } from './intents-api';

const STATUS_ICONS: Readonly<Record<IntentStatus, string>> = {
  intention: 'lightbulb',
  in_discussion: 'forum',
  settled: 'home_work',
  abandoned: 'do_not_disturb_on',
};

/** `/intentions-installation`: young doctors' plans to settle, reported by the CDOM. */
@Component({
  selector: 'app-intents-page',
  imports: [
    CommunePicker,
    DatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
  ],
  templateUrl: './intents-page.html',
  styleUrl: './intents-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntentsPage {
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly communes = inject(CommuneNames);

  protected readonly statuses = INTENT_STATUSES;
  protected readonly statusLabels = INTENT_STATUS_LABELS;
  protected readonly horizons = INTENT_HORIZONS;
  protected readonly horizonLabels = INTENT_HORIZON_LABELS;
  protected readonly canEdit = computed(() => this.auth.hasRole('cdom', 'mission_officer', 'admin'));
  protected readonly columns = computed(() => [
    'person',
    'specialty',
    'communes',
    'horizon',
    'status',
    'createdAt',
    ...(this.canEdit() ? ['actions'] : []),
  ]);

  protected readonly search = signal('');
  private readonly q = toSignal(
    toObservable(this.search).pipe(
      map((text) => text.trim()),
      debounceTime(300),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly status = signal<IntentStatus | ''>('');
  protected readonly horizon = signal<IntentHorizon | ''>('');
  protected readonly commune = signal<string | null>(null);
  protected readonly sort = signal<Sort>({ active: 'createdAt', direction: 'desc' });
  protected readonly pageSize = signal(PAGE_SIZE_DEFAULT);
  protected readonly pageIndex = linkedSignal({
    source: () => [this.q(), this.status(), this.horizon(), this.commune(), this.sort(), this.pageSize()],
    computation: () => 0,
  });
  private readonly query = computed<IntentQuery>(() => {
    const sort = this.sort();
    return {
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
      sort: sort.active && sort.direction ? `${sort.active}:${sort.direction}` : '',
      q: this.q(),
      status: this.status(),
      horizon: this.horizon(),
      commune: this.commune() ?? '',
    };
  });
  protected readonly intents = httpResource<Page<InstallationIntentView>>(() => intentsRequest(this.query()));
  protected readonly page = linkedSignal<
    Page<InstallationIntentView> | undefined,
    Page<InstallationIntentView> | undefined
  >({
    source: () => (this.intents.hasValue() ? this.intents.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });
  protected readonly loadError = computed(() => {
    const error = this.intents.error();
    return error ? errorMessages(error).join(' ') : null;
  });
  protected readonly resultText = computed(() => {
    const total = this.page()?.total;
    if (total === undefined) return '';
    if (total === 0) return 'Aucune intention trouvée.';
    return total === 1 ? '1 intention d’installation.' : `${total.toLocaleString('fr-FR')} intentions d’installation.`;
  });
  protected readonly notice = signal<string | null>(null);

  protected personName(intent: InstallationIntentView): string {
    return intent.consent && intent.firstName && intent.lastName
      ? `${intent.firstName} ${intent.lastName}`
      : intent.initials;
  }

  protected statusLabel(status: IntentStatus): string {
    return INTENT_STATUS_LABELS[status];
  }

  protected statusIcon(status: IntentStatus): string {
    return STATUS_ICONS[status];
  }

  protected horizonLabel(horizon: IntentHorizon): string {
    return INTENT_HORIZON_LABELS[horizon];
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
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
          this.snackBar.open(intent ? 'Intention enregistrée.' : 'Intention d’installation signalée.', 'Fermer', {
            duration: 5000,
          });
        }
        this.intents.reload();
      });
  }
}
