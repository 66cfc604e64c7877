import type { ImportKind } from '@maillage/shared/domain';

import { accreditationImport } from './accreditation-import';
import type { ImportKindHandler } from './import-kind';
import { professionalImport } from './professional-import';
import { siteImport } from './site-import';

/** Every kind of spreadsheet import. */
export const IMPORT_HANDLERS: Readonly<Record<ImportKind, ImportKindHandler>> = {
  sites: siteImport,
  professionals: professionalImport,
  accreditations: accreditationImport,
};
