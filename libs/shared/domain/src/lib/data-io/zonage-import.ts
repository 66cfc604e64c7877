import type { Zonage } from '../territory';
import type { ImportFieldDefinition } from './imports';

/** Columns of an ARS zonage file (`POST /api/communes/zonages/import`). */
export const ZONAGE_IMPORT_FIELDS: readonly ImportFieldDefinition[] = [
  {
    key: 'communeCode',
    label: 'Code commune (INSEE)',
    required: true,
    synonyms: ['code insee', 'insee', 'code commune', 'codgeo', 'code geo', 'depcom', 'com'],
  },
  {
    key: 'zonage',
    label: 'Zonage',
    required: true,
    synonyms: ['classement', 'zone', 'zonage ars', 'code zonage', 'zonage medecins'],
    hint: 'ZIP, ZAC, QPV-ZIP, QPV-ZAC, ZV ou HZ',
  },
  {
    key: 'validFrom',
    label: 'Début de validité',
    required: true,
    synonyms: ['date de debut', 'debut', 'date d effet', 'valide du', 'date debut'],
  },
  {
    key: 'validTo',
    label: 'Fin de validité',
    required: false,
    synonyms: ['date de fin', 'fin', 'valide au', 'date fin'],
  },
  { key: 'source', label: 'Source', required: false, synonyms: ['arrete', 'decret', 'reference', 'texte'] },
];

/** What a zonage file does, commune by commune (preview), or did (applied). */
export interface ZonageImportRow {
  line: number;
  communeCode: string;
  communeName: string;
  zonage: Zonage;
  validFrom: string;
  validTo: string | null;
  /** `added`; `closes` when it ends the open period before it; `unchanged` when already recorded. */
  action: 'added' | 'closes' | 'unchanged';
}

export interface ZonageImportReport {
  fileName: string;
  applied: boolean;
  headers: string[];
  /** Field key → column index (null: absent). */
  mapping: Record<string, number | null>;
  rows: ZonageImportRow[];
  /** Rows in error, in French: nothing is applied while there is one. */
  errors: { line: number; message: string }[];
  /** Communes of the file outside the territory of this installation (ignored). */
  outsideTerritory: number;
  counts: { added: number; unchanged: number };
}
