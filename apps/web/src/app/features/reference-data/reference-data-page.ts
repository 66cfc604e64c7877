import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ContoursCard } from './contours-card';
import { RppsLoadCard } from './rpps-load-card';
import { ZonageImportCard } from './zonage-import-card';

/** `/donnees-de-reference` (administrator): the RPPS directory, the ARS zonage and the commune contours. */
@Component({
  selector: 'app-reference-data-page',
  imports: [ContoursCard, RppsLoadCard, ZonageImportCard],
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title">Données de référence</h1>
        <p class="page-lead">
          L’annuaire national des praticiens (RPPS), le zonage ARS et les contours des communes, chargés depuis leurs
          fichiers officiels.
        </p>
      </div>
    </header>
    <div class="record-grid">
      <app-rpps-load-card class="wide" />
      <app-zonage-import-card class="wide" />
      <app-contours-card class="wide" />
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferenceDataPage {}
