import { DecimalPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  type CommuneSummary,
  type Page,
  type Zonage,
  ZONAGE_LABELS,
  ZONAGE_SHORT_LABELS,
} from '@maillage/shared/domain';
import { LIST_PAGE, type TableColumn } from '@maillage/web/ui';
import { urlListState } from '@maillage/web/util';
import { COMMUNE_LIST, COMMUNES_URL } from './communes-request';

/** Communes of the territory: search, population, EPCI and ARS zonage. */
@Component({
  selector: 'app-territory-page',
  imports: [LIST_PAGE, DecimalPipe, MatFormFieldModule, MatInputModule],
  templateUrl: './territory-page.html',
  styleUrl: './territory-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerritoryPage {
  protected readonly zonageLabel = (zonage: Zonage) => ZONAGE_LABELS[zonage];
  protected readonly zonageShortLabel = (zonage: Zonage) => ZONAGE_SHORT_LABELS[zonage];
  protected readonly countWords = {
    none: 'Aucune commune trouvée.',
    one: '1 commune trouvée.',
    many: '{n} communes trouvées.',
  };
  protected readonly columns: TableColumn<CommuneSummary>[] = [
    { key: 'code', header: 'Code INSEE', numeric: false, sortable: true, text: (c) => c.code },
    { key: 'name', header: 'Nom', sortable: true },
    { key: 'epci', header: 'EPCI', text: (c) => c.epci?.name ?? '—' },
    { key: 'population', header: 'Population', numeric: true, sortable: true },
    { key: 'zonage', header: 'Zonage' },
    { key: 'hasContour', header: 'Contour', text: (c) => (c.hasContour ? 'Oui' : 'Non') },
  ];

  protected readonly list = urlListState(COMMUNE_LIST, { search: 'q' });
  protected readonly communes = httpResource<Page<CommuneSummary>>(() => this.list.request(COMMUNES_URL));
}
