import {
  type DashboardFunnelStep,
  MSU_EXITS,
  MSU_FUNNEL,
  MSU_STAGE_LABELS,
  type MsuStage,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

/**
 * Live professionals per current stage: of the départements `$1` (`NULL`: all) and, with communes
 * `$2`, only those practising at a live site of those communes. Reads the professionals through
 * their (département, …) index and the links through the by-site index.
 */
const STAGE_COUNTS_SQL = `
WITH sites AS MATERIALIZED (
  SELECT s.id FROM training_sites s
  WHERE $2::text[] IS NOT NULL AND s.archived_at IS NULL
    AND ($1::text[] IS NULL OR s.departement_code = ANY($1::text[])) AND s.commune_code = ANY($2::text[])
)
SELECT p.msu_stage AS stage, count(*)::int AS count
FROM professionals p
WHERE p.archived_at IS NULL AND ($1::text[] IS NULL OR p.departement_code = ANY($1::text[]))
  AND ($2::text[] IS NULL OR p.id IN (
    SELECT ps.professional_id FROM professional_sites ps WHERE ps.site_id = ANY(ARRAY(SELECT id FROM sites))))
GROUP BY p.msu_stage`;

export interface MsuFunnel {
  funnel: DashboardFunnelStep[];
  exits: { stage: MsuStage; label: string; count: number }[];
  /** Professionals whose current stage is `stage`. */
  count: (stage: MsuStage) => number;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

/**
 * The MSU pipeline funnel, the one definition behind the dashboard and the annual report: live
 * professionals on their current stage, counted **cumulatively** — a stage counts those who reached
 * it or went further (`reached`), so the funnel never grows from one stage to the next; `count`
 * keeps those who are at the stage now. Those who left (declined, retired) are counted apart.
 */
export async function msuFunnel(
  manager: EntityManager,
  departements: readonly string[] | null,
  communes: readonly string[] | null = null,
): Promise<MsuFunnel> {
  const rows: { stage: MsuStage; count: number }[] = await manager.query(STAGE_COUNTS_SQL, [departements, communes]);
  const count = (stage: MsuStage) => rows.find((r) => r.stage === stage)?.count ?? 0;
  const reached = MSU_FUNNEL.map((_, i) => MSU_FUNNEL.slice(i).reduce((sum, s) => sum + count(s), 0));
  return {
    funnel: MSU_FUNNEL.map((stage, i) => ({
      stage,
      label: MSU_STAGE_LABELS[stage],
      count: count(stage),
      reached: reached[i],
      conversionToNext: i + 1 < MSU_FUNNEL.length ? ratio(reached[i + 1], reached[i]) : null,
    })),
    exits: MSU_EXITS.map((stage) => ({ stage, label: MSU_STAGE_LABELS[stage], count: count(stage) })),
    count,
  };
}
