import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { FileField, FormErrors } from '@maillage/web/ui';
import { actionSubmission, frenchNumber } from '@maillage/web/util';
import { type ContoursReport, ReferenceDataApi } from './reference-data-api';

/** The commune contours of the map: upload a GeoJSON, or fetch the configured source again; no restart. */
@Component({
  selector: 'app-contours-card',
  imports: [FileField, FormErrors, MatButtonModule, MatCardModule, MatIconModule],
  templateUrl: './contours-card.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContoursCard {
  private readonly api = inject(ReferenceDataApi);

  protected readonly file = signal<File | null>(null);
  protected readonly report = signal<ContoursReport | null>(null);
  protected readonly submission = actionSubmission();
  protected readonly number = frenchNumber;

  protected async upload(): Promise<void> {
    const file = this.file();
    if (!file) {
      this.submission.messages.set([{ text: 'Choisissez le fichier GeoJSON des contours.' }]);
      return;
    }
    await this.submission.run(() => this.api.uploadContours(file), {
      success: (r) => `Contours chargés : ${frenchNumber(r.loaded)} communes.`,
      then: (r) => this.report.set(r),
    });
  }

  protected async refresh(): Promise<void> {
    await this.submission.run(() => this.api.refreshContours(), {
      success: (r) => `Contours rechargés : ${frenchNumber(r.loaded)} communes.`,
      then: (r) => this.report.set(r),
    });
  }
}
