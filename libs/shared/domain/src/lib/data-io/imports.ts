import type { UserRef } from '../registry/api-people';
import { STAGE_TYPE_LABELS, STAGE_TYPES, type StageType } from '../registry/stage-types';
import { normalizeSearchText } from '../text';

/** What a spreadsheet import loads (`POST /api/imports?kind=`). */
export const IMPORT_KINDS = ['sites', 'professionals', 'accreditations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  sites: 'Terrains de stage',
  professionals: 'Professionnels et leurs terrains',
  accreditations: 'Agréments',
};

/**
 * Life of an import: the file is read and checked (`analysing`), the preview is `ready`, it is
 * `applying`, then `applied` (or `failed` before any change), and may be `undone`.
 */
export const IMPORT_STATUSES = ['analysing', 'ready', 'applying', 'applied', 'failed', 'undone'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  analysing: 'Analyse du fichier',
  ready: 'Aperçu prêt',
  applying: 'Import en cours',
  applied: 'Importé',
  failed: 'Échec (rien n’a été importé)',
  undone: 'Annulé',
};

/** What a row does (or did): `create`, `update`, `unchanged`, or `rejected` with its reasons. */
export const IMPORT_ROW_OUTCOMES = ['create', 'update', 'unchanged', 'rejected'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];
export const IMPORT_ROW_OUTCOME_LABELS: Readonly<Record<ImportRowOutcome, string>> = {
  create: 'Création',
  update: 'Mise à jour',
  unchanged: 'Inchangé',
  rejected: 'Rejeté',
};

/** A column the import understands: its key, French label, and the headers that name it. */
export interface ImportFieldDefinition {
  key: string;
  label: string;
  required: boolean;
  /** Headers that mean this field (compared without accents, case or punctuation). */
  synonyms: readonly string[];
  /** How to fill it, shown beside the mapping. */
  hint?: string;
}

const field = (
  key: string,
  label: string,
  synonyms: readonly string[] = [],
  options: { required?: boolean; hint?: string } = {},
): ImportFieldDefinition => ({ key, label, required: options.required ?? false, synonyms, hint: options.hint });

const YES_NO = 'oui / non';

/** `places.N1`…: one column per stage type. */
export const capacityFieldKey = (stageType: StageType) => `places.${stageType}`;

const SITE_FIELDS: readonly ImportFieldDefinition[] = [
  field('name', 'Nom du terrain', ['nom', 'nom du site', 'terrain', 'terrain de stage', 'structure', 'denomination'], {
    required: true,
  }),
  field('kind', 'Type de structure', ['type', 'type de terrain', 'nature', 'categorie'], {
    required: true,
    hint: 'Cabinet individuel, Cabinet de groupe, MSP, Centre de santé, Maison de santé départementale, PMI, Autre',
  }),
  field('status', 'Statut', ['statut du terrain', 'etat']),
  field('addressLine1', 'Adresse', ['adresse ligne 1', 'adresse 1', 'rue', 'voie', 'adresse postale'], {
    required: true,
  }),
  field('addressLine2', 'Complément d’adresse', ['adresse ligne 2', 'adresse 2', 'complement']),
  field('postalCode', 'Code postal', ['cp', 'code postal commune'], { required: true }),
  field('communeCode', 'Code commune (INSEE)', ['code insee', 'insee', 'code commune', 'commune insee']),
  field('communeName', 'Commune', ['ville', 'nom de la commune', 'localite'], {
    hint: 'Utilisée quand le code INSEE manque (avec le code postal).',
  }),
  field('siret', 'SIRET', ['n siret', 'numero siret', 'siret du site']),
  field('latitude', 'Latitude', ['lat']),
  field('longitude', 'Longitude', ['lon', 'lng', 'long']),
  field('housingOnSite', 'Logement sur place', ['hebergement sur place'], { hint: YES_NO }),
  field('housingNearby', 'Logement à proximité', ['hebergement a proximite', 'logement proche'], { hint: YES_NO }),
  field('publicTransport', 'Transports en commun', ['desserte transports', 'transport en commun'], { hint: YES_NO }),
  field('parking', 'Stationnement', ['parking'], { hint: YES_NO }),
  field('distanceToChuKm', 'Distance au CHU (km)', ['distance chu', 'distance au chu', 'km chu']),
  field('notes', 'Notes', ['remarques', 'commentaire', 'commentaires', 'observations']),
  ...STAGE_TYPES.map((stageType) =>
    field(capacityFieldKey(stageType), `Places ${stageType}`, [`places ${STAGE_TYPE_LABELS[stageType]}`, stageType], {
      hint: `Places par semestre en ${STAGE_TYPE_LABELS[stageType]} (vide : aucune).`,
    }),
  ),
];

const PROFESSIONAL_FIELDS: readonly ImportFieldDefinition[] = [
  field('rpps', 'N° RPPS', ['rpps', 'numero rpps', 'identifiant rpps', 'identifiant pp', 'n rpps'], {
    hint: 'Clé de l’import : un professionnel déjà connu sous ce numéro est mis à jour.',
  }),
  field('civility', 'Civilité', ['titre']),
  field('lastName', 'Nom', ['nom de famille', 'nom d exercice', 'nom du professionnel'], { required: true }),
  field('firstName', 'Prénom', ['prenom d exercice', 'prenom du professionnel'], { required: true }),
  field('profession', 'Profession', ['metier']),
  field('specialty', 'Spécialité', ['specialite medicale', 'discipline']),
  field('practiceMode', 'Mode d’exercice', ['mode exercice', 'exercice']),
  field('email', 'Courriel', ['email', 'e mail', 'mail', 'adresse e mail', 'adresse mail']),
  field('phone', 'Téléphone', ['tel', 'telephone', 'portable', 'numero de telephone']),
  field('contactConsent', 'Consentement au contact', ['consentement', 'accord contact'], {
    hint: `${YES_NO} ; sans consentement, courriel et téléphone ne sont pas enregistrés.`,
  }),
  field('firstInstallationYear', 'Année de première installation', ['annee d installation', 'installation']),
  field('msuStage', 'Étape du parcours MSU', ['etape msu', 'statut msu', 'parcours msu', 'etape']),
  field('msuStageSince', 'Étape depuis le', ['depuis le', 'date de l etape']),
  field('initialTrainingDate', 'Formation initiale MSU (date)', ['date de formation initiale', 'formation initiale']),
  field('initialTrainingCycle', 'Formation initiale MSU (cycle)', ['cycle de formation initiale']),
  field('notes', 'Notes', ['remarques', 'commentaire', 'commentaires', 'observations']),
  field('sites', 'Terrains de stage', ['terrains', 'sites', 'lieux d exercice', 'terrain de stage'], {
    hint: 'SIRET ou nom des terrains (« Nom (code INSEE) » si deux terrains portent le même nom), séparés par « | ».',
  }),
];

const ACCREDITATION_FIELDS: readonly ImportFieldDefinition[] = [
  field('holderRpps', 'RPPS du titulaire', ['rpps', 'rpps du msu', 'numero rpps', 'n rpps'], {
    hint: 'Pour l’agrément d’un MSU ; sinon, le terrain.',
  }),
  field('holderName', 'Titulaire', ['msu', 'nom du titulaire', 'maitre de stage'], {
    hint: 'Nom du MSU quand il n’a pas de RPPS (« Prénom Nom »).',
  }),
  field('holderSite', 'Terrain agréé', ['terrain', 'site', 'terrain de stage', 'siret du terrain'], {
    hint: 'SIRET ou nom du terrain, pour l’agrément d’un terrain.',
  }),
  field('cycle', 'Cycle', ['cycle des etudes'], { required: true, hint: '2 (externes) ou 3 (internes)' }),
  field('type', 'Type d’agrément', ['type', 'nature de l agrement'], {
    required: true,
    hint: 'Principal, Complémentaire ou Fonctionnel',
  }),
  field('stageTypes', 'Types de stage', ['stages', 'type de stage', 'stages agrees'], {
    required: true,
    hint: 'Codes séparés par des virgules : N1, SASPAS, SAFE…',
  }),
  field('phases', 'Phases', ['phase']),
  field('maxStudents', 'Nombre maximal d’étudiants', ['capacite', 'nombre d etudiants', 'etudiants max'], {
    required: true,
  }),
  field('authority', 'Autorité', ['autorite d agrement', 'delivre par'], { required: true }),
  field('startDate', 'Début', ['date de debut', 'debut de validite', 'date d agrement']),
  field('endDate', 'Fin', ['date de fin', 'fin de validite', 'echeance']),
  field('status', 'Statut', ['statut de l agrement', 'etat']),
  field('reference', 'Référence', ['numero de decision', 'reference de la decision', 'n decision']),
  field('notes', 'Notes', ['remarques', 'commentaire', 'commentaires', 'observations']),
];

export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportFieldDefinition[]>> = {
  sites: SITE_FIELDS,
  professionals: PROFESSIONAL_FIELDS,
  accreditations: ACCREDITATION_FIELDS,
};

/** Column of the file for each field key (index in `headers`), or null when not imported. */
export type ImportMapping = Record<string, number | null>;

/** A header as the mapping compares it: no accents, case, punctuation or "N°". */
export function foldHeader(header: string): string {
  return normalizeSearchText(header.replace(/n°/gi, 'n '));
}

/**
 * Maps each field to a column: the header this user mapped last time for this kind (folded
 * headers, `remembered`), else the field's label or one of its synonyms. A column serves one
 * field at most; fields are served in their order of definition.
 */
export function suggestMapping(
  fields: readonly ImportFieldDefinition[],
  headers: readonly string[],
  remembered: Readonly<Record<string, string>> = {},
): ImportMapping {
  const folded = headers.map(foldHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  const take = (candidates: readonly string[]): number | null => {
    for (const candidate of candidates) {
      const index = folded.findIndex((h, i) => h !== '' && h === candidate && !used.has(i));
      if (index >= 0) return index;
    }
    return null;
  };
  // Remembered choices first, so that a synonym never takes the column the user chose.
  for (const f of fields) {
    const index = remembered[f.key] ? take([remembered[f.key]]) : null;
    if (index !== null) used.add(index);
    mapping[f.key] = index;
  }
  for (const f of fields) {
    if (mapping[f.key] !== null) continue;
    const index = take([foldHeader(f.label), f.key.toLowerCase(), ...f.synonyms.map(foldHeader)]);
    if (index !== null) used.add(index);
    mapping[f.key] = index;
  }
  return mapping;
}

/** Row counts of a preview (what would happen) or of an applied import (what happened). */
export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

/** `GET /api/imports/:id`: the job, its file, its mapping and where it stands. */
export interface ImportJobView {
  id: string;
  departementCode: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  fileFormat: 'csv' | 'xlsx';
  /** `utf-8` or `windows-1252` (CSV only). */
  encoding: string | null;
  /** `;`, `,` or a tab (CSV only). */
  delimiter: string | null;
  headers: string[];
  mapping: ImportMapping;
  fields: ImportFieldDefinition[];
  /** Headers no field uses: their columns are ignored. */
  unmappedHeaders: string[];
  /** Labels of the required fields without a column: the import cannot be applied. */
  missingRequired: string[];
  totalRows: number;
  processedRows: number;
  counts: ImportCounts;
  /** The reason of a failure, in French (file unreadable, import rolled back…). */
  error: string | null;
  canApply: boolean;
  canUndo: boolean;
  createdBy: UserRef | null;
  createdAt: string;
  appliedAt: string | null;
  appliedBy: UserRef | null;
  undoneAt: string | null;
  undoneBy: UserRef | null;
  updatedAt: string;
}

/** `GET /api/imports/:id/rows`: one row of the file, what it does and why. */
export interface ImportRowView {
  line: number;
  outcome: ImportRowOutcome | null;
  errors: string[];
  warnings: string[];
  /** The cells of the mapped fields, by field key. */
  values: Record<string, string>;
  /** The record created or updated (after apply), or matched (preview). */
  entityId: string | null;
}

/** Body of `PUT /api/imports/:id/mapping`. */
export interface ImportMappingInput {
  mapping: ImportMapping;
}
