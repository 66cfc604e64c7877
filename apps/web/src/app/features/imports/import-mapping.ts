import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { FormControl, FormRecord } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ImportJobView, ImportMapping } from '@maillage/shared/domain';
import { FORM_FIELDS, FormErrors } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { ImportsApi } from './imports-api';

/** The form's value as the API's mapping: field key → column index, or null. */
export function mappingOf(value: Partial<Record<string, number | null>>): ImportMapping {
  return Object.fromEntries(Object.entries(value).map(([key, column]) => [key, column ?? null]));
}

/**
 * Step 2 of the wizard: which column of the file feeds which field, as the API guessed it from
 * the headers (or as this user chose last time); each choice can be changed, then the preview is
 * computed again and the choices are remembered for the next file.
 */
@Component({
  selector: 'app-import-mapping',
  imports: [FORM_FIELDS, FormErrors, MatButtonModule, MatIconModule],
  templateUrl: './import-mapping.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportMappingForm {
  private readonly api = inject(ImportsApi);

  readonly job = input.required<ImportJobView>();
  /** Whether the mapping may still change (a preview, not an applied import). */
  readonly editable = input(true);
  readonly changed = output<ImportJobView>();

  protected readonly form = new FormRecord<FormControl<number | null>>({});
  protected readonly submission = formSubmission(this.form, { invalidMessage: null });
  protected readonly columns = computed(() => this.job().headers.map((_, index) => index));
  protected readonly columnLabel = (index: number): string =>
    `Colonne ${index + 1} : « ${this.job().headers[index] || 'sans titre'} »`;
  private readonly mappingKey = computed(() => `${this.job().id}:${JSON.stringify(this.job().mapping)}`);

  constructor() {
    effect(() => {
      this.mappingKey();
      this.reset(this.job());
    });
    effect(() => (this.editable() ? this.form.enable() : this.form.disable()));
  }

  private reset(job: ImportJobView): void {
    for (const key of Object.keys(this.form.controls)) this.form.removeControl(key, { emitEvent: false });
    for (const field of job.fields) {
      this.form.addControl(field.key, new FormControl<number | null>(job.mapping[field.key] ?? null), {
        emitEvent: false,
      });
    }
    this.form.markAsPristine();
  }

  protected async submit(): Promise<void> {
    const job = this.job();
    await this.submission.submit(() => this.api.setMapping(job.id, mappingOf(this.form.getRawValue())), {
      success: 'Correspondances enregistrées : l’aperçu est recalculé.',
      then: (next) => this.changed.emit(next),
    });
  }
}
