import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { AccreditationDetail, AccreditationSummary } from '@maillage/shared/domain';
import { Notifications, type RowAction } from '@maillage/web/ui';
import { firstValueFrom } from 'rxjs';
import { AccreditationActionDialog, type AccreditationActionResult } from './accreditation-action-dialog';
import { AccreditationDocumentsDialog } from './accreditation-documents-dialog';
import { AccreditationHistoryDialog } from './accreditation-history-dialog';
import { type AccreditationHolder, AccreditationRequestDialog } from './accreditation-request-dialog';
import {
  ACCREDITATION_ACTION_DONE,
  ACCREDITATION_ACTION_ICONS,
  ACCREDITATION_ACTION_LABELS,
  type AccreditationAction,
  actionsFor,
} from './accreditations-api';

/** What a row menu of accreditations offers. */
export type AccreditationRowKey = 'documents' | 'history' | AccreditationAction;

/**
 * The dialogs of the accreditation lifecycle, opened the same way from the list, a site's page
 * and a professional's page: request, the business actions (renew included) and the history.
 * Provided by each component that uses it, so that its dialogs see the route's providers (the
 * French date adapter of the lazy routes).
 */
@Injectable()
export class AccreditationDialogs {
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);

  /** The row's menu: its documents, its history, then the actions it allows (when `canAct`). */
  rowActions(a: AccreditationSummary, canAct: boolean): RowAction<AccreditationRowKey>[] {
    return [
      { key: 'documents', label: 'Documents', icon: 'attach_file' },
      { key: 'history', label: 'Historique', icon: 'history' },
      ...(canAct ? actionsFor(a) : []).map((action) => ({
        key: action,
        label: actionLabel(a, action),
        icon: ACCREDITATION_ACTION_ICONS[action],
      })),
    ];
  }

  /** Opens the documents, the history, or runs an action; resolves `changed`, `conflict` or null (nothing done). */
  async open(a: AccreditationSummary, key: AccreditationRowKey): Promise<'changed' | 'conflict' | null> {
    if (key === 'documents') {
      this.dialog.open(AccreditationDocumentsDialog, { data: a, width: '640px', maxWidth: 'calc(100vw - 32px)' });
      return null;
    }
    if (key === 'history') {
      this.dialog.open(AccreditationHistoryDialog, { data: a, width: '640px' });
      return null;
    }
    const ref = this.dialog.open(AccreditationActionDialog, {
      data: { accreditation: a, action: key },
      width: '520px',
      autoFocus: 'first-tabbable',
    });
    const result: AccreditationActionResult | undefined = await firstValueFrom(ref.afterClosed());
    if (!result) return null;
    if (result === 'conflict') return 'conflict';
    this.notifications.done(ACCREDITATION_ACTION_DONE[key]);
    return 'changed';
  }

  /** Files a request for the holder; resolves the created accreditation, or null when cancelled. */
  async request(holder: AccreditationHolder): Promise<AccreditationDetail | null> {
    const ref = this.dialog.open(AccreditationRequestDialog, {
      data: holder,
      width: '560px',
      autoFocus: 'first-tabbable',
    });
    return (await firstValueFrom(ref.afterClosed())) ?? null;
  }
}

export function actionLabel(a: AccreditationSummary, action: AccreditationAction): string {
  return action === 'grant' && a.status === 'conditional'
    ? 'Confirmer l’agrément'
    : ACCREDITATION_ACTION_LABELS[action];
}
