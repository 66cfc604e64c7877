import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { type GeneralPractitionerRow, type SupervisionIncomeEstimate, ZONAGE_LABELS } from '@maillage/shared/domain';
import { LoadError } from '@maillage/web/ui';
import { euros } from '@maillage/web/util';
import { GP_URL, gpName, supervisionIncomePdfUrl } from './gp-api';

/** What supervising would bring this GP at each place of practice: intern, docteur junior; and the PDF. */
@Component({
  selector: 'app-supervision-income-dialog',
  imports: [LoadError, MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  templateUrl: './supervision-income-dialog.html',
  styleUrl: './supervision-income-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupervisionIncomeDialog {
  protected readonly row = inject<GeneralPractitionerRow>(MAT_DIALOG_DATA);
  protected readonly name = gpName(this.row);
  protected readonly estimate = httpResource<SupervisionIncomeEstimate>(
    () => `${GP_URL}/${encodeURIComponent(this.row.rpps ?? '')}/supervision-income`,
  );
  protected readonly pdfUrl = supervisionIncomePdfUrl(this.row.rpps ?? '');
  protected readonly euros = euros;
  protected readonly zonageLabels: Readonly<Record<string, string>> = ZONAGE_LABELS;
}
