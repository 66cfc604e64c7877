import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

const numbers = new Intl.NumberFormat('fr-FR');

@Injectable()
export class FrenchPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = 'Lignes par page :';
  override nextPageLabel = 'Page suivante';
  override previousPageLabel = 'Page précédente';
  override firstPageLabel = 'Première page';
  override lastPageLabel = 'Dernière page';

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return `0 sur ${numbers.format(length)}`;
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return `${numbers.format(start + 1)} – ${numbers.format(end)} sur ${numbers.format(length)}`;
  };
}
