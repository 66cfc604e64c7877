import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import type { ErasureReport } from '@maillage/shared/domain';
import { FormErrors, Notifications } from '@maillage/web/ui';
import { actionSubmission } from '@maillage/web/util';
import { firstValueFrom } from 'rxjs';
import { professionalUrl } from './professionals-api';

/** What the confirmation of an erasure says, before anything happens. */
export const ERASE_MESSAGE =
  'Son nom, son numéro RPPS, ses coordonnées et ses notes sont remplacés par « Personne effacée » sur sa fiche, ' +
  'dans les signalements, intentions et visites qui le nomment, et dans l’historique. Les chiffres (tableau de ' +
  'bord, bilans approuvés) restent justes ; l’historique garde la trace de l’effacement, pas les données. ' +
  'C’est définitif : exportez ses données d’abord s’il les a demandées.';

/** Personal-data rights of one professional: export everything held (JSON, PDF), erase on request. */
@Component({
  selector: 'app-personal-data-card',
  imports: [FormErrors, MatButtonModule, MatCardModule, MatIconModule],
  template: `
    <mat-card appearance="outlined">
      <mat-card-header><h2 mat-card-title>Données personnelles</h2></mat-card-header>
      <mat-card-content>
        <p>
          Sur demande de la personne : tout ce que Maillage détient sur elle (fiche, parcours, signalements, visites,
          historique), ou son effacement.
        </p>
        <ui-form-errors [submission]="action" />
        <div class="form-actions">
          <a mat-stroked-button [href]="url() + '/personal-data'" download="donnees-personnelles.json">
            <mat-icon aria-hidden="true">data_object</mat-icon>Exporter (JSON)
          </a>
          <a mat-stroked-button [href]="url() + '/personal-data.pdf'" download>
            <mat-icon aria-hidden="true">picture_as_pdf</mat-icon>Exporter (PDF)
          </a>
          <button mat-button type="button" class="danger" [disabled]="action.pending()" (click)="erase()">
            <mat-icon aria-hidden="true">person_remove</mat-icon>Effacer ses données
          </button>
        </div>
      </mat-card-content>
    </mat-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonalDataCard {
  private readonly http = inject(HttpClient);
  private readonly notifications = inject(Notifications);

  readonly professional = input.required<{ id: string; version: number }>();
  readonly name = input.required<string>();
  readonly erased = output<ErasureReport>();

  protected readonly action = actionSubmission();
  protected url(): string {
    return professionalUrl(this.professional().id);
  }

  protected async erase(): Promise<void> {
    const confirmed = await firstValueFrom(
      this.notifications.confirm({
        title: `Effacer les données de ${this.name()} ?`,
        message: ERASE_MESSAGE,
        confirm: 'Effacer définitivement',
        cancel: 'Ne rien effacer',
      }),
    );
    if (!confirmed) return;
    const { id, version } = this.professional();
    await this.action.run(() => this.http.post<ErasureReport>(`${professionalUrl(id)}/erase`, { version }), {
      success: 'Données personnelles effacées.',
      then: (report) => this.erased.emit(report),
    });
  }
}
