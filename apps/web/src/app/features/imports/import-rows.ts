import { IMPORT_ROW_OUTCOMES, type ImportJobView, type ImportRowView } from '@maillage/shared/domain';
import { defineList, oneOfParam } from '@maillage/web/util';

/** The rows of a preview in the URL: `/imports/12?lignes=rejected&page=2`. */
export const IMPORT_ROW_LIST = defineList({
  filters: { outcome: oneOfParam('lignes', IMPORT_ROW_OUTCOMES) },
  paging: { pageSize: 25 },
});

/** What identifies a row for a person: its first mapped values (« Cabinet des Lilas, 77288 »). */
export function rowSummary(row: ImportRowView, job: Pick<ImportJobView, 'fields'>): string {
  const values = job.fields.map((field) => row.values[field.key]).filter((value) => value && value.trim() !== '');
  return values.slice(0, 3).join(', ');
}
