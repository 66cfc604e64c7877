import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  hasPermission,
  PRIORITIES,
  PRIORITY_LABELS,
  ROLE_LABELS,
  type BulkAction,
  type BulkResource,
  type BulkResult,
  type Colleague,
  type Priority,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, toIsoDate } from '@maillage/web/util';
import { catchError, of } from 'rxjs';
import { BulkApi, type BulkActionInput, type BulkTarget } from './bulk-api';

export interface BulkActionDialogData {
  resource: BulkResource;
  action: BulkAction;
  /** The action's French name (« Archiver »), the dialog's title. */
  label: string;
  target: BulkTarget;
  /** « 3 terrains », « 1 tâche ». */
  selectionText: string;
}

/** What each action does to the selection, said before it is done. */
const LEADS: Readonly<Partial<Record<BulkAction, string>>> = {
  archive: 'est archivée : elle quitte la liste et reste consultable parmi les archives',
  complete: 'est marquée comme faite',
  assign: 'est attribuée à la personne choisie',
  assign_task: 'reçoit chacun une tâche, à son nom',
};

/**
 * The one confirmation of a bulk action, with what the action needs (the task to create, the
 * person to give the records to); submitting it sends one request and closes with its result.
 */
@Component({
  selector: 'app-bulk-action-dialog',
  imports: [DIALOG_FORM, DATE_FIELD],
  templateUrl: './bulk-action-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkActionDialog {
  protected readonly data = inject<BulkActionDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<BulkActionDialog, BulkResult>>(MatDialogRef);
  private readonly api = inject(BulkApi);

  protected readonly lead = `La sélection (${this.data.selectionText}) ${LEADS[this.data.action] ?? 'change'}, en une seule opération. Ce qui ne peut pas l’être est refusé et nommé, avec la raison.`;
  protected readonly submitLabel = `${this.data.label} (${this.data.selectionText})`;
  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly titleError = 'Saisissez un intitulé (2 caractères au moins).';
  protected readonly titleHint = '« {nom} » est remplacé par le nom de chacun : « Relancer {nom} ».';
  /** A referral goes to someone who handles referrals; a task may also stay with the team. */
  protected readonly ownerRequired = this.data.action === 'assign' && this.data.resource === 'candidate-referrals';

  /** The people offered (only the actions that name one ask for them). */
  private readonly colleagues = toSignal(
    this.data.action === 'assign' || this.data.action === 'assign_task'
      ? this.api.colleagues().pipe(catchError(() => of<Colleague[]>([])))
      : of<Colleague[]>([]),
    { initialValue: [] },
  );
  protected readonly owners = computed(() =>
    this.colleagues().filter((c) => !this.ownerRequired || hasPermission(c.role, 'referrals.handle')),
  );
  protected readonly ownerIds = computed(() => this.owners().map((c) => c.id));
  protected readonly ownerName = (id: string): string => {
    const colleague = this.owners().find((c) => c.id === id);
    return colleague ? `${colleague.displayName} (${ROLE_LABELS[colleague.role]})` : id;
  };

  protected readonly form = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators:
        this.data.action === 'assign_task'
          ? [Validators.required, Validators.minLength(2), Validators.maxLength(200)]
          : [],
    }),
    dueOn: new FormControl<Date | null>(null),
    priority: new FormControl<Priority>('normal', { nonNullable: true }),
    ownerId: new FormControl<string | null>(null, this.ownerRequired ? Validators.required : []),
  });
  protected readonly submission = formSubmission(this.form, {
    fields: {
      'task.title': 'title',
      'task.dueOn': 'dueOn',
      'task.priority': 'priority',
      'task.ownerId': 'ownerId',
      'owner.ownerId': 'ownerId',
    },
  });

  protected async submit(): Promise<void> {
    await this.submission.submit(
      () => this.api.run(this.data.resource, this.data.action, this.data.target, this.input()),
      { then: (result) => this.ref.close(result) },
    );
  }

  private input(): BulkActionInput {
    const v = this.form.getRawValue();
    if (this.data.action === 'assign') return { owner: { ownerId: v.ownerId } };
    if (this.data.action !== 'assign_task') return {};
    return {
      task: {
        title: v.title.trim(),
        priority: v.priority,
        ...(v.dueOn ? { dueOn: toIsoDate(v.dueOn) } : {}),
        ...(v.ownerId ? { ownerId: v.ownerId } : {}),
      },
    };
  }
}
