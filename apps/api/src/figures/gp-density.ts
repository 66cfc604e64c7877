import {
  type DensityLevel,
  type GpDensityRow,
  RPPS_GENERAL_PRACTICE_CODES,
  RPPS_PHYSICIAN_PROFESSION,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

/** SQL: a row of `rpps_practitioners` (alias `r`) is a general practitioner. */
export const GP_CONDITION = `r.profession_code = '${RPPS_PHYSICIAN_PROFESSION}' AND r.savoir_faire_code IN (${RPPS_GENERAL_PRACTICE_CODES.map((c) => `'${c}'`).join(', ')})`;

const AREA: Record<DensityLevel, { key: string; name: string; join: string }> = {
  commune: { key: 'c.code', name: 'c.name', join: '' },
  epci: { key: 'e.siren', name: 'e.name', join: 'JOIN epcis e ON e.siren = c.epci_siren' },
  departement: { key: 'd.code', name: 'd.name', join: 'JOIN departements d ON d.code = c.departement_code' },
};

/**
 * General practitioners per 10,000 inhabitants, per commune, EPCI or département, from the RPPS
 * directory (a GP is counted once per area, whatever the number of places where they practise;
 * populations of the communes in scope). The one function the dashboard and the map call for this
 * figure (GET /api/rpps/density, dashboard, map). `departements`: the areas' départements (`null`: every served one).
 */
export async function generalPractitionerDensity(
  manager: EntityManager,
  level: DensityLevel,
  departements: readonly string[] | null,
  /** Only these areas (codes of `level`: INSEE, SIREN or département); `null`: every one. */
  areas: readonly string[] | null = null,
): Promise<GpDensityRow[]> {
  const area = AREA[level];
  const rows = await manager.query<{ code: string; name: string; population: string | null; gps: number }[]>(
    `WITH scope AS (
       SELECT c.* FROM communes c WHERE $1::varchar[] IS NULL OR c.departement_code = ANY($1::varchar[])
     ),
     population AS (
       SELECT ${area.key} AS code, ${area.name} AS name, sum(c.population) AS population
         FROM scope c ${area.join} WHERE $2::varchar[] IS NULL OR ${area.key} = ANY($2::varchar[]) GROUP BY 1, 2
     ),
     gps AS (
       SELECT ${area.key} AS code, count(DISTINCT r.national_id)::int AS gps
         FROM scope c ${area.join} JOIN rpps_practitioners r ON r.commune_code = c.code AND ${GP_CONDITION}
        WHERE $2::varchar[] IS NULL OR ${area.key} = ANY($2::varchar[])
        GROUP BY 1
     )
     SELECT p.code, p.name, p.population, COALESCE(g.gps, 0) AS gps
       FROM population p LEFT JOIN gps g ON g.code = p.code
      ORDER BY p.name`,
    [departements, areas],
  );
  return rows.map((r) => {
    const population = r.population === null ? null : Number(r.population);
    return {
      code: r.code,
      name: r.name,
      population,
      generalPractitioners: r.gps,
      per10000: population ? Math.round((r.gps / population) * 10_000 * 100) / 100 : null,
    };
  });
}

/**
 * When the directory in place was loaded (ISO timestamp of the last successful load), `null` when
 * none ever was: then every density is unknown, never a count of an empty table.
 */
export async function rppsDirectoryLoadedAt(manager: EntityManager): Promise<string | null> {
  const [row] = await manager.query<{ loaded_at: Date | null }[]>(
    `SELECT max(finished_at) AS loaded_at FROM rpps_loads WHERE status = 'loaded'`,
  );
  return row?.loaded_at ? new Date(row.loaded_at).toISOString() : null;
}
