import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import type { SiteCapacity, SiteRecord } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { CapacityEditor } from './capacity-editor';
import { isVersionConflict, SitesApi } from './sites-api';

/** The saved site, or `conflict` when someone changed it meanwhile (409). */
export type SiteCapacitiesResult = SiteRecord | 'conflict';

/** Edits only the capacities of a site, from the version on screen. */
@Component({
  selector: 'app-site-capacities-dialog',
  imports: [CapacityEditor, MatButtonModule, MatDialogModule, MatIconModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Capacités d’accueil</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="lead">{{ site.name }} : places offertes par semestre, pour chaque type de stage.</p>
        @if (errors().length > 0) {
          <div class="form-errors" role="alert">
            <mat-icon aria-hidden="true">error</mat-icon>
            <ul>
              @for (message of errors(); track $index) {
                <li>{{ message }}</li>
              }
            </ul>
          </div>
        }
        <app-capacity-editor formControlName="capacities" legend="Places par semestre" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          {{ pending() ? 'Enregistrement…' : 'Enregistrer les capacités' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .lead {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .form-errors {
      display: flex;
      gap: 8px;
      padding: 12px 16px;
      margin-bottom: 16px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .form-errors ul {
      margin: 0;
      padding-inline-start: 16px;
    }
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
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.errors.set(['Corrigez les nombres de places : de 0 à 50 par type de stage.']);
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const saved = await firstValueFrom(
        this.api.update(this.site.id, this.site.version, { capacities: this.form.controls.capacities.value }),
      );
      this.ref.close(saved);
    } catch (error) {
      if (isVersionConflict(error)) {
        this.ref.close('conflict');
        return;
      }
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
