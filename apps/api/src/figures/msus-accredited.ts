import type { EntityManager } from 'typeorm';

/**
 * Accreditations that took effect in a period, read from the accreditation records (never from
 * the pipeline's stage, which a person moves by hand): live accreditations granted or conditional
 * whose start date falls in `$2`..`$3`, of the départements `$1` (`NULL`: all); with communes `$4`,
 * those of a site there or of a professional practising at a live site there. A site or an MSU
 * counts once, whatever the number of its accreditations (a renewal that starts in the period
 * counts too: the MSU was accredited in it).
 */
const ACCREDITED_SQL = `
SELECT count(DISTINCT a.site_id)::int AS sites, count(DISTINCT a.professional_id)::int AS msus
FROM accreditations a
WHERE a.archived_at IS NULL AND a.status IN ('granted', 'conditional')
  AND ($1::text[] IS NULL OR a.departement_code = ANY($1::text[]))
  AND a.start_date BETWEEN $2::date AND $3::date
  AND ($4::text[] IS NULL OR a.site_id IN (SELECT s.id FROM training_sites s WHERE s.commune_code = ANY($4::text[]))
    OR a.professional_id IN (SELECT ps.professional_id FROM professional_sites ps
      JOIN training_sites s ON s.id = ps.site_id WHERE s.archived_at IS NULL AND s.commune_code = ANY($4::text[])))`;

/**
 * Sites and MSUs accredited in a period (`from`..`to`, inclusive): the one definition behind the
 * dashboard's « MSU agréés sur la période » and the annual report's « agréés dans l’année ».
 */
export async function accreditedInPeriod(
  manager: EntityManager,
  departements: readonly string[] | null,
  from: string,
  to: string,
  communes: readonly string[] | null = null,
): Promise<{ sites: number; msus: number }> {
  const [row]: { sites: number; msus: number }[] = await manager.query(ACCREDITED_SQL, [
    departements,
    from,
    to,
    communes,
  ]);
  return row;
}
