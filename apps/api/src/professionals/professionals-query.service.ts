import {
  isSupervisor,
  MSU_STAGES,
  type MsuPipeline,
  normalizeSearchText,
  type Page,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';

import { limitOf, namedWhere, orderOf, pageOf, SqlParams, sqlRows } from '../common/persistence/sql';
import { type Actor, visibleDepartements } from '../common/scope/territory-scope';
import type { ListProfessionalsQuery, PipelineQuery, ProfessionalFilters } from './dto/list-professionals.query';
import { Professional } from './professional.entity';
import {
  PROFESSIONAL_SUMMARY_COLUMNS,
  type ProfessionalSummaryRow,
  sitesJsonSql,
  summaryOf,
} from './professional.mapper';

const STAGE_ORDER = `array_position(ARRAY[${MSU_STAGES.map((s) => `'${s}'`).join(', ')}]::varchar[], p.msu_stage)`;

/** Sort fields (`PROFESSIONAL_SORT_FIELDS`): `lastName` sorts on the folded name, served by `idx_professionals_dep_name`. */
const SORTABLE = {
  lastName: 'p.search_text',
  msuStage: STAGE_ORDER,
  msuStageSince: 'p.msu_stage_since',
  updatedAt: 'p.updated_at',
};
const SUPERVISOR_STAGES = MSU_STAGES.filter(isSupervisor);

/**
 * Reads of the registry's professionals: the table and the kanban, with the same filters, in SQL
 * (one statement each, rows mapped straight to the response).
 */
@Injectable()
export class ProfessionalsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: ListProfessionalsQuery): Promise<Page<ProfessionalSummary>> {
    const params = new SqlParams();
    const where = this.filters(actor, query, params);
    const { expression, direction } = orderOf(query.sort, SORTABLE, 'lastName:asc');
    const rows = await sqlRows<ProfessionalSummaryRow & { total: string }>(
      this.db,
      `WITH page AS (
        SELECT ${PROFESSIONAL_SUMMARY_COLUMNS}, ${expression} AS sort_key, count(*) OVER () AS total
        FROM professionals p WHERE ${where}
        ORDER BY sort_key ${direction}, p.id ${limitOf(query, params)})
      SELECT p.*, ${sitesJsonSql('p.id')} AS sites FROM page p ORDER BY p.sort_key ${direction}, p.id`,
      params.values,
    );
    return pageOf(
      rows,
      query,
      (row) => summaryOf(row, actor),
      async () => {
        const countParams = new SqlParams();
        const countWhere = this.filters(actor, query, countParams);
        const [row] = await sqlRows<{ total: number }>(
          this.db,
          `SELECT count(*)::int AS total FROM professionals p WHERE ${countWhere}`,
          countParams.values,
        );
        return row.total;
      },
    );
  }

  /**
   * The kanban: per stage, how many professionals match and the first `limit` cards (most
   * recently moved first), in one statement whatever the number of cards: every stage that
   * matches has a first card, which carries the stage's count.
   */
  async pipeline(actor: Actor, query: PipelineQuery): Promise<MsuPipeline> {
    const params = new SqlParams();
    const where = this.filters(actor, query, params);
    const cards = await sqlRows<ProfessionalSummaryRow & { stage_total: number }>(
      this.db,
      `WITH ranked AS (
        SELECT ${PROFESSIONAL_SUMMARY_COLUMNS}, p.search_text,
          row_number() OVER (PARTITION BY p.msu_stage ORDER BY p.msu_stage_since DESC, p.search_text, p.id) AS rank,
          count(*) OVER (PARTITION BY p.msu_stage)::int AS stage_total
        FROM professionals p WHERE ${where})
      SELECT p.*, ${sitesJsonSql('p.id')} AS sites FROM ranked p
      WHERE p.rank <= ${params.add(query.limit)}
      ORDER BY p.msu_stage_since DESC, p.search_text, p.id`,
      params.values,
    );
    const totals = new Map(cards.map((c) => [c.msu_stage, c.stage_total]));
    const stages = query.msuStage?.length ? MSU_STAGES.filter((s) => query.msuStage?.includes(s)) : MSU_STAGES;
    return {
      limit: query.limit,
      columns: stages.map((stage) => ({
        stage,
        total: totals.get(stage) ?? 0,
        items: cards.filter((p) => p.msu_stage === stage).map((row) => summaryOf(row, actor)),
      })),
    };
  }

  /** The list's filters as a query builder on `p`, for bulk actions over « every result ». */
  filtered(actor: Actor, f: ProfessionalFilters): SelectQueryBuilder<Professional> {
    const params = new SqlParams();
    const { where, parameters } = namedWhere(this.filters(actor, f, params), params);
    return this.db.getRepository(Professional).createQueryBuilder('p').where(where, parameters);
  }

  /** The filters of both views (and of bulk actions); sites are matched with EXISTS so that rows never repeat. */
  private filters(actor: Actor, f: ProfessionalFilters, params: SqlParams): string {
    const where = [f.archived ? 'p.archived_at IS NOT NULL' : 'p.archived_at IS NULL'];
    const departements = visibleDepartements(actor);
    if (departements) where.push(`p.departement_code = ANY(${params.add(departements)}::text[])`);
    if (f.msuStage?.length) where.push(`p.msu_stage = ANY(${params.add(f.msuStage)}::text[])`);
    if (f.supervisor !== undefined) {
      where.push(`${f.supervisor ? '' : 'NOT '}(p.msu_stage = ANY(${params.add(SUPERVISOR_STAGES)}::text[]))`);
    }
    if (f.site) {
      where.push(
        `EXISTS (SELECT 1 FROM professional_sites ps WHERE ps.professional_id = p.id AND ps.site_id = ${params.add(f.site)})`,
      );
    }
    if (f.commune) {
      const commune = params.add(f.commune);
      // The commune's département lets `idx_training_sites_dep_commune` find the sites.
      where.push(`EXISTS (SELECT 1 FROM professional_sites ps JOIN training_sites s ON s.id = ps.site_id
        WHERE ps.professional_id = p.id AND s.commune_code = ${commune}
          AND s.departement_code = (SELECT c.departement_code FROM communes c WHERE c.code = ${commune}))`);
    }
    if (f.specialty) where.push(`lower(p.specialty) = lower(${params.add(f.specialty.trim())})`);
    if (f.practiceMode) where.push(`p.practice_mode = ${params.add(f.practiceMode)}`);
    // Folded text is only letters, digits and spaces: nothing to escape for LIKE.
    const text = f.q ? normalizeSearchText(f.q) : '';
    if (text) where.push(`p.search_text LIKE ${params.add(`%${text}%`)}`);
    return where.join(' AND ');
  }
}
