/** Lists that export to a spreadsheet: `GET /api/exports/<resource>?format=csv|xlsx&<filters>`. */
export const EXPORT_RESOURCES = [
  'sites',
  'professionals',
  'accreditations',
  'candidate-referrals',
  'installation-intents',
  'site-visits',
  'access-issues',
  'support-measures',
  'tasks',
  'users',
  'communes',
] as const;
export type ExportResource = (typeof EXPORT_RESOURCES)[number];

export const EXPORT_RESOURCE_LABELS: Readonly<Record<ExportResource, string>> = {
  sites: 'Terrains de stage',
  professionals: 'Professionnels',
  accreditations: 'Agréments',
  'candidate-referrals': 'Signalements CDOM',
  'installation-intents': 'Intentions d’installation',
  'site-visits': 'Visites',
  'access-issues': 'Difficultés d’accès',
  'support-measures': 'Mesures',
  tasks: 'Tâches',
  users: 'Utilisateurs',
  communes: 'Communes',
};

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Characters that make a spreadsheet read a cell as a formula (or a command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will not run: a leading `=`, `+`, `-`, `@`, tab or carriage return
 * gets a `'` in front (OWASP "CSV injection"). The import removes that quote again.
 */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `neutralizeCell`, for cells read back by the import. */
export function unneutralizeCell(text: string): string {
  return text.length > 1 && text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
