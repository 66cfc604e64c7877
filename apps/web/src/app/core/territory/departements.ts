import departements from '@etalab/decoupage-administratif/data/departements.json';

const NAMES: ReadonlyMap<string, string> = new Map(departements.map((d) => [d.code, d.nom]));

/** "Seine-et-Marne" for "77"; a national account works for every département. */
export function departementLabel(code: string | null): string {
  if (code === null) return 'Tous les départements';
  return NAMES.get(code) ?? `Département ${code}`;
}
