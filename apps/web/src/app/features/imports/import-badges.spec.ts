import type { ImportJobView, ImportRowView } from '@maillage/shared/domain';
import { IMPORT_FIELDS } from '@maillage/shared/domain';
import { countsText, importOutcomeBadge, importStatusBadge } from './import-badges';
import { mappingOf } from './import-mapping';
import { rowSummary } from './import-rows';
import { isWorking } from './imports-api';

describe('import wording', () => {
  it('says what a preview would do and what an import did, in French', () => {
    const counts = { create: 2, update: 1, unchanged: 0, rejected: 3 };
    expect(countsText(counts, false)).toBe('2 créations, 1 mise à jour, 0 inchangé, 3 rejets');
    expect(countsText(counts, true)).toBe('2 créés, 1 mis à jour, 0 inchangé, 3 rejetés');
    expect(countsText({ create: 1200, update: 0, unchanged: 1, rejected: 1 }, true)).toBe(
      '1\u202f200 créés, 0 mis à jour, 1 inchangé, 1 rejeté',
    );
  });

  it('labels every status and outcome with an icon', () => {
    expect(importStatusBadge('undone')).toEqual({ label: 'Annulé', tone: 'muted', icon: 'undo' });
    expect(importOutcomeBadge('rejected').label).toBe('Rejeté');
    expect(importOutcomeBadge('rejected').icon).toBe('block');
  });

  it('polls only while the API works on the job', () => {
    expect(isWorking({ status: 'analysing' })).toBe(true);
    expect(isWorking({ status: 'applying' })).toBe(true);
    expect(isWorking({ status: 'ready' })).toBe(false);
    expect(isWorking({ status: 'applied' })).toBe(false);
  });

  it('sends every field of the mapping form, « non importé » as null', () => {
    expect(mappingOf({ name: 0, kind: null, notes: undefined })).toEqual({ name: 0, kind: null, notes: null });
  });

  it('names a row by its first mapped values', () => {
    const row: ImportRowView = {
      line: 3,
      outcome: 'create',
      errors: [],
      warnings: [],
      values: {
        name: 'Cabinet des Écoles',
        kind: '',
        addressLine1: '3 place de l’Hôtel-de-Ville',
        postalCode: '77300',
      },
      entityId: null,
    };
    const job = { fields: [...IMPORT_FIELDS.sites] } as Pick<ImportJobView, 'fields'>;
    expect(rowSummary(row, job)).toBe('Cabinet des Écoles, 3 place de l’Hôtel-de-Ville, 77300');
  });
});
