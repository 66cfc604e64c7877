import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import {
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueDetail,
  type CloseAccessIssueInput,
  MEASURE_STATUS_LABELS,
  MEASURE_TYPE_LABELS,
  type MeasurePage,
  type MeasureRef,
} from '@maillage/shared/domain';
import { DATE_FIELD, DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission, toIsoDate } from '@maillage/web/util';
import { debounceTime, map } from 'rxjs';
import { AccessIssuesApi, type IssueClosing } from './access-issues-api';

export const MEASURES_URL = '/api/support-measures';

export interface IssueCloseData {
  issue: AccessIssueDetail;
  action: IssueClosing;
}

/** The updated issue, or `conflict` when the version read was stale. */
export type IssueCloseResult = AccessIssueDetail | 'conflict';

/** Resolves an issue (date, resolution, the measures that solved it) or closes it without follow-up. */
@Component({
  selector: 'app-issue-close-dialog',
  imports: [DIALOG_FORM, MatAutocompleteModule, MatButtonModule, MatChipsModule, DATE_FIELD, MatIconModule],
  templateUrl: './issue-close-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IssueCloseDialog {
  private readonly api = inject(AccessIssuesApi);
  private readonly ref = inject<MatDialogRef<IssueCloseDialog, IssueCloseResult>>(MatDialogRef);
  protected readonly data = inject<IssueCloseData>(MAT_DIALOG_DATA);

  protected readonly issue = this.data.issue;
  protected readonly resolving = this.data.action === 'resolve';
  protected readonly title = this.resolving ? 'Résoudre la difficulté' : 'Classer sans suite';
  protected readonly categoryLabel = ACCESS_ISSUE_CATEGORY_LABELS[this.issue.category];
  protected readonly typeLabels = MEASURE_TYPE_LABELS;
  protected readonly measureStatusLabels = MEASURE_STATUS_LABELS;
  protected readonly raisedOn = new Date(`${this.issue.raisedOn}T00:00:00`);
  protected readonly dateErrors = {
    required: 'Saisissez une date valide, pas avant le signalement.',
    matDatepickerParse: 'Saisissez une date valide, pas avant le signalement.',
    matDatepickerMin: 'Saisissez une date valide, pas avant le signalement.',
  };

  protected readonly form = new FormGroup({
    closedOn: new FormControl<Date | null>(new Date(new Date().setHours(0, 0, 0, 0)), Validators.required),
    resolution: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(4000)],
    }),
  });

  /** Measures chosen (those already linked to the issue to start with). */
  protected readonly measures = signal<MeasureRef[]>([...this.issue.measures]);
  protected readonly search = new FormControl<string | MeasureRef>('', { nonNullable: true });
  private readonly query = toSignal(
    this.search.valueChanges.pipe(
      map((v) => (typeof v === 'string' ? v.trim() : '')),
      debounceTime(250),
    ),
    { initialValue: '' },
  );
  private readonly found = httpResource<MeasurePage>(() =>
    this.resolving ? { url: MEASURES_URL, params: { q: this.query(), pageSize: 10, sort: 'name:asc' } } : undefined,
  );
  protected readonly options = computed(() => {
    const chosen = new Set(this.measures().map((m) => m.id));
    return (this.found.hasValue() ? this.found.value().items : []).filter((m) => !chosen.has(m.id));
  });

  protected readonly submission = formSubmission(this.form, { fields: { measureIds: 'search' } });

  protected readonly displayNothing = () => '';

  protected pick(event: MatAutocompleteSelectedEvent): void {
    const m = event.option.value as MeasureRef;
    this.measures.update((list) => [...list, { id: m.id, name: m.name, type: m.type, status: m.status }]);
    this.search.setValue('');
  }

  protected remove(id: string): void {
    this.measures.update((list) => list.filter((m) => m.id !== id));
  }

  protected async submit(): Promise<void> {
    await this.submission.submit(() => this.api.close(this.issue.id, this.data.action, this.body()), {
      onConflict: () => this.ref.close('conflict'),
      then: (saved) => this.ref.close(saved),
    });
  }

  private body(): CloseAccessIssueInput {
    const v = this.form.getRawValue();
    const body: CloseAccessIssueInput = {
      version: this.issue.version,
      closedOn: toIsoDate(v.closedOn as Date),
      resolution: v.resolution.trim(),
    };
    if (this.resolving) body.measureIds = this.measures().map((m) => m.id);
    return body;
  }
}
