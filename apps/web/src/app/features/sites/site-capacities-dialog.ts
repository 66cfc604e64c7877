import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { SiteCapacity, SiteRecord } from '@maillage/shared/domain';
import { DIALOG_FORM } from '@maillage/web/ui';
import { formSubmission } from '@maillage/web/util';
import { CapacityEditor } from './capacity-editor';
import { SitesApi } from './sites-api';

/** The saved site, or `conflict` when someone changed it meanwhile (409). */
export type SiteCapacitiesResult = SiteRecord | 'conflict';

/** Edits only the capacities of a site, from the version on screen. */
@Component({
  selector: 'app-site-capacities-dialog',
  imports: [DIALOG_FORM, CapacityEditor],
  template: `
    <form
      uiDialogForm
      heading="Capacités d’accueil"
      [formGroup]="form"
      [submission]="submission"
      (ngSubmit)="submit()"
      submitLabel="Enregistrer les capacités"
      contentClass=""
    >
      <p uiDialogLead class="dialog-lead">{{ site.name }} : places offertes par semestre, pour chaque type de stage.</p>
      <app-capacity-editor formControlName="capacities" legend="Places par semestre" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SiteCapacitiesDialog {
  private readonly api = inject(SitesApi);
  private readonly ref = inject<MatDialogRef<SiteCapacitiesDialog, SiteCapacitiesResult>>(MatDialogRef);
  protected readonly site = inject<SiteRecord>(MAT_DIALOG_DATA);

  protected readonly form = new FormGroup({
    capacities: new FormControl<SiteCapacity[]>(this.site.capacities, { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form, {
    invalidMessage: 'Corrigez les nombres de places : de 0 à 50 par type de stage.',
  });

  protected async submit(): Promise<void> {
    const { capacities } = this.form.getRawValue();
    await this.submission.submit(() => this.api.update(this.site.id, this.site.version, { capacities }), {
      onConflict: () => this.ref.close('conflict'),
      then: (saved) => this.ref.close(saved),
    });
  }
}
