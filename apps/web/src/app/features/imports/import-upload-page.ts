import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { IMPORT_FIELDS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@maillage/shared/domain';
import { FileField, FORM_PAGE } from '@maillage/web/ui';
import { formSubmission, uploadResult } from '@maillage/web/util';
import { lastValueFrom, tap } from 'rxjs';
import { ImportsApi } from './imports-api';

/** Step 1 of the wizard: what the file holds, and the file. The API reads it, then the preview opens. */
@Component({
  selector: 'app-import-upload-page',
  imports: [FORM_PAGE, FileField, MatProgressBarModule],
  templateUrl: './import-upload-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportUploadPage {
  private readonly api = inject(ImportsApi);
  private readonly router = inject(Router);

  protected readonly kinds = IMPORT_KINDS;
  protected readonly kindLabels = IMPORT_KIND_LABELS;
  protected readonly form = new FormGroup({
    kind: new FormControl<ImportKind | null>('sites', Validators.required),
    file: new FormControl<File | null>(null, Validators.required),
  });
  // The API's refusals of the file (not a spreadsheet, empty, too big) name no field: they concern the file.
  protected readonly submission = formSubmission(this.form, {
    labels: { kind: 'Données', file: 'Fichier' },
    unplaced: 'file',
  });
  /** Share of the file sent (0–100), while it is sent. */
  protected readonly sent = signal<number | null>(null);

  /** The columns the kind chosen understands, for the help beside the form. */
  protected columnsOf(kind: ImportKind | null): string {
    if (!kind) return '';
    return IMPORT_FIELDS[kind].map((field) => (field.required ? `${field.label} *` : field.label)).join(', ');
  }

  /** The file field's error: none chosen, or the API's refusal of the file sent. */
  protected fileError(): string {
    // Read with the submission's messages, so that the refusal shows once the answer is in.
    this.submission.messages();
    const control = this.form.controls.file;
    if (!control.touched || !control.errors) return '';
    const server = control.errors['server'];
    return typeof server === 'string' ? server : 'Choisissez le fichier à importer.';
  }

  protected chooseFile(file: File | null): void {
    this.form.controls.file.setValue(file);
    this.form.controls.file.markAsTouched();
  }

  protected async submit(): Promise<void> {
    const { kind, file } = this.form.getRawValue();
    await this.submission.submit(
      () => {
        this.sent.set(0);
        const states = this.api
          .upload(kind as ImportKind, file as File)
          .pipe(tap((state) => this.sent.set(state.done ? 100 : Math.round((state.sent ?? 0) * 100))));
        return lastValueFrom(uploadResult(states)).finally(() => this.sent.set(null));
      },
      { then: (job) => this.router.navigate(['/imports', job.id]) },
    );
  }
}
