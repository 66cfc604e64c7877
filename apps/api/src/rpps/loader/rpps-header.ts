import { normalizeSearchText } from '@maillage/shared/domain';

import { DomainException } from '../../common/errors/domain-exception';

/**
 * The columns of `PS_LibreAcces_Personne_activite_*.txt` Maillage reads, by header name (older
 * extracts have 52 columns, current ones 56, and some names changed between them).
 */
export const RPPS_FIELDS = {
  nationalId: { names: ['Identification nationale PP'], required: true },
  ppId: { names: ['Identifiant PP'], required: false },
  civilityCode: { names: ['Code civilité d’exercice', 'Code civilité'], required: false },
  lastName: { names: ['Nom d’exercice'], required: true },
  firstName: { names: ['Prénom d’exercice'], required: true },
  professionCode: { names: ['Code profession'], required: true },
  professionLabel: { names: ['Libellé profession'], required: false },
  savoirFaireCode: { names: ['Code savoir-faire'], required: false },
  savoirFaireLabel: { names: ['Libellé savoir-faire'], required: false },
  practiceModeCode: { names: ['Code mode exercice'], required: false },
  practiceModeLabel: { names: ['Libellé mode exercice'], required: false },
  siret: { names: ['Numéro SIRET site'], required: false },
  structureName: { names: ['Raison sociale site'], required: false },
  brand: { names: ['Enseigne commerciale site'], required: false },
  streetNumber: { names: ['Numéro Voie (coord. structure)'], required: false },
  streetRepeat: { names: ['Indice répétition voie (coord. structure)'], required: false },
  streetType: { names: ['Libellé type de voie (coord. structure)'], required: false },
  streetName: { names: ['Libellé Voie (coord. structure)'], required: false },
  distribution: { names: ['Mention distribution (coord. structure)'], required: false },
  postalCode: { names: ['Code postal (coord. structure)'], required: false },
  communeCode: { names: ['Code commune (coord. structure)'], required: true },
  communeLabel: { names: ['Libellé commune (coord. structure)'], required: false },
  sectorCode: { names: ['Code secteur d’activité'], required: false },
  sectorLabel: { names: ['Libellé secteur d’activité'], required: false },
} as const;

export type RppsField = keyof typeof RPPS_FIELDS;
export type RppsColumns = Record<RppsField, number>;

/** Header names compared without accents, case, apostrophe kind or punctuation. */
const fold = (name: string) => normalizeSearchText(name.replace(/[’']/g, ' '));

/**
 * Finds each column by name in the header line (`|`-separated, with a trailing `|`). A missing
 * required column means this is not the "personne activité" extract: refused in French.
 */
export function readHeader(line: string): { columns: RppsColumns; columnCount: number } {
  const names = line
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '')
    .split('|');
  if (names[names.length - 1] === '') names.pop();
  const folded = names.map(fold);
  const columns = {} as RppsColumns;
  const missing: string[] = [];
  for (const [field, spec] of Object.entries(RPPS_FIELDS) as [RppsField, (typeof RPPS_FIELDS)[RppsField]][]) {
    const index = spec.names.map((n) => folded.indexOf(fold(n))).find((i) => i >= 0) ?? -1;
    if (index < 0 && spec.required) missing.push(spec.names[0]);
    columns[field] = index;
  }
  if (missing.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      `Ce fichier n’est pas une extraction « Personne activité » de l’Annuaire Santé : colonne${missing.length > 1 ? 's' : ''} absente${missing.length > 1 ? 's' : ''} de l’en-tête : ${missing.map((m) => `« ${m} »`).join(', ')}.`,
    );
  }
  return { columns, columnCount: names.length };
}

/** The département of an INSEE commune code: `77288` → `77`, `97411` → `974`, `2A004` → `2A`. */
export function departementOf(communeCode: string): string {
  return communeCode.startsWith('97') ? communeCode.slice(0, 3) : communeCode.slice(0, 2);
}
