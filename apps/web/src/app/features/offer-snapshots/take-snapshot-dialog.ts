import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { OfferSnapshotDetail } from '@maillage/shared/domain';
import { firstValueFrom } from 'rxjs';
import { errorMessages } from '../../core/http/api-error';
import { defaultSnapshotTitle, OfferSnapshotsApi } from './offer-snapshots-api';

/** "Arrêter l’état de l’offre": explains that today's figures get frozen, then takes the snapshot. */
@Component({
  selector: 'app-take-snapshot-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatIconModule, MatInputModule, ReactiveFormsModule],
  template: `
    <h2 mat-dialog-title>Arrêter l’état de l’offre</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="dialog-form">
        <div class="explain">
          <mat-icon aria-hidden="true">lock_clock</mat-icon>
          <p>
            Les chiffres du jour — terrains, MSU, places par type de stage et par semestre, écarts par zone, terrains
            sous surveillance — vont être calculés puis <strong>figés</strong>. Ce relevé ne changera plus, même si les
            données évoluent ensuite ; il pourra être comparé aux relevés suivants.
          </p>
        </div>
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
        <mat-form-field>
          <mat-label>Intitulé</mat-label>
          <input matInput formControlName="title" maxlength="200" required autocomplete="off" />
          <mat-error>Saisissez un intitulé (2 caractères au moins).</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>Note</mat-label>
          <textarea matInput formControlName="note" rows="3" maxlength="4000"></textarea>
          <mat-hint>Par exemple : le comité auquel ce relevé est destiné.</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Annuler</button>
        <button mat-flat-button type="submit" [disabled]="pending()">
          <mat-icon aria-hidden="true">lock</mat-icon>
          {{ pending() ? 'Calcul en cours…' : 'Arrêter les chiffres du jour' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .dialog-form {
      display: grid;
      gap: 8px;
      min-width: min(520px, 80vw);
    }
    .explain {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 12px 16px;
      margin-bottom: 8px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);

      mat-icon {
        flex: none;
      }

      p {
        margin: 0;
      }
    }
    .form-errors {
      display: flex;
      gap: 8px;
      color: var(--mat-sys-error);

      ul {
        margin: 0;
        padding-inline-start: 16px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TakeSnapshotDialog {
  private readonly api = inject(OfferSnapshotsApi);
  private readonly ref = inject<MatDialogRef<TakeSnapshotDialog, OfferSnapshotDetail>>(MatDialogRef);

  protected readonly form = new FormGroup({
    title: new FormControl(defaultSnapshotTitle(new Date()), {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2), Validators.maxLength(200)],
    }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(4000) }),
  });
  protected readonly pending = signal(false);
  protected readonly errors = signal<string[]>([]);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const v = this.form.getRawValue();
    if (v.title.trim().length < 2) this.form.controls.title.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.pending.set(true);
    this.errors.set([]);
    try {
      const saved = await firstValueFrom(this.api.take({ title: v.title.trim(), note: v.note.trim() || null }));
      this.ref.close(saved);
    } catch (error) {
      this.errors.set(errorMessages(error));
    } finally {
      this.pending.set(false);
    }
  }
}
