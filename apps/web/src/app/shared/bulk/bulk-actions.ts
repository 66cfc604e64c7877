import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { BulkResource, BulkResult } from '@maillage/shared/domain';
import { BulkBar, type BulkResultData, BulkResultDialog, Notifications } from '@maillage/web/ui';
import {
  actionSubmission,
  allowedBulkActions,
  type ApiParams,
  type BulkActionChoice,
  bulkFilters,
  canExportSelection,
  injectCan,
  type RowSelection,
  saveFile,
} from '@maillage/web/util';
import { BulkActionDialog, type BulkActionDialogData } from './bulk-action-dialog';
import { BulkApi } from './bulk-api';

/** How a list names its records: « terrain », « terrains », and whether « sélectionnées » agrees. */
export interface BulkWords {
  item: string;
  items: string;
  feminine?: boolean;
}

const ICONS: Readonly<Record<string, string>> = {
  archive: 'inventory_2',
  assign_task: 'add_task',
  assign: 'assignment_ind',
  complete: 'task_alt',
};

/**
 * The bulk actions of a list above its table, once rows are selected: the actions the user's role
 * allows (one map, `BULK_ACTIONS_OF`), each with one confirmation dialog and its result (what was
 * done, what was refused and why), and « Exporter la sélection » (CSV). Emits `changed` once an
 * action ran: the page reloads its list.
 */
@Component({
  selector: 'app-bulk-actions',
  imports: [BulkBar, MatButtonModule, MatIconModule],
  template: `
    <ui-bulk-bar
      [selection]="selection()"
      [total]="total()"
      [item]="words().item"
      [items]="words().items"
      [feminine]="words().feminine ?? false"
    >
      @for (choice of actions(); track choice.action) {
        <button mat-flat-button type="button" (click)="open(choice)">
          <mat-icon aria-hidden="true">{{ icons[choice.action] }}</mat-icon>
          {{ choice.label }}
        </button>
      }
      @if (canExport()) {
        <button mat-stroked-button type="button" [disabled]="exporting.pending()" (click)="export()">
          <mat-icon aria-hidden="true">download</mat-icon>
          {{ exporting.pending() ? 'Export…' : 'Exporter la sélection (CSV)' }}
        </button>
      }
    </ui-bulk-bar>
    @for (message of exporting.messages(); track message.text) {
      <p class="notice" role="alert">{{ message.text }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkActions {
  readonly resource = input.required<BulkResource>();
  readonly selection = input.required<RowSelection>();
  /** Records matching the filters. */
  readonly total = input(0);
  /** The list's API parameters (paging and order are left out). */
  readonly filters = input<ApiParams>({});
  readonly words = input.required<BulkWords>();
  readonly changed = output<BulkResult>();

  private readonly api = inject(BulkApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifications = inject(Notifications);
  private readonly can = injectCan();
  protected readonly icons = ICONS;
  protected readonly actions = computed(() => allowedBulkActions(this.resource(), this.can));
  protected readonly canExport = computed(() => canExportSelection(this.resource(), this.can));
  protected readonly exporting = actionSubmission();

  private target() {
    return this.selection().bulkTarget(bulkFilters(this.filters()));
  }

  private selectionText(): string {
    const count = this.selection().count(this.total());
    return `${count} ${count > 1 ? this.words().items : this.words().item}`;
  }

  protected open(choice: BulkActionChoice): void {
    const data: BulkActionDialogData = {
      resource: this.resource(),
      action: choice.action,
      label: choice.label,
      target: this.target(),
      selectionText: this.selectionText(),
    };
    this.dialog
      .open<BulkActionDialog, BulkActionDialogData, BulkResult>(BulkActionDialog, {
        data,
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.dialog.open<BulkResultDialog, BulkResultData>(BulkResultDialog, {
          data: { title: choice.label, result },
          width: '560px',
          maxWidth: 'calc(100vw - 32px)',
        });
        this.selection().clear();
        this.changed.emit(result);
      });
  }

  protected async export(): Promise<void> {
    await this.exporting.run(() => this.api.export(this.resource(), this.target()), {
      then: (file) => {
        saveFile(file.blob, file.fileName);
        this.notifications.done(
          `${file.count} ligne${file.count > 1 ? 's' : ''} exportée${file.count > 1 ? 's' : ''} : ${file.fileName}.`,
        );
      },
    });
  }
}
