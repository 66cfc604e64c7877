import {
  isSupervisor,
  MSU_STAGES,
  type MsuPipeline,
  type MsuStage,
  normalizeSearchText,
  type Page,
  type ProfessionalSummary,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';

import { paginate } from '../common/http/paging';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { ListProfessionalsQuery, PipelineQuery, ProfessionalFilters } from './dto/list-professionals.query';
import { Professional } from './professional.entity';
import { siteRefsOf, toSummary } from './professional.mapper';

const STAGE_ORDER = `array_position(ARRAY[${MSU_STAGES.map((s) => `'${s}'`).join(', ')}]::varchar[], p.msu_stage)`;

/** Sort fields (`PROFESSIONAL_SORT_FIELDS`): `lastName` sorts on the folded name, served by `idx_professionals_dep_name`. */
const SORTABLE = {
  lastName: 'p.searchText',
  msuStage: STAGE_ORDER,
  msuStageSince: 'p.msuStageSince',
  updatedAt: 'p.updatedAt',
};
const SUPERVISOR_STAGES = MSU_STAGES.filter(isSupervisor);

/** Reads of the registry's professionals: the table and the kanban, with the same filters, in SQL. */
@Injectable()
export class ProfessionalsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: ListProfessionalsQuery): Promise<Page<ProfessionalSummary>> {
    const page = await paginate(this.filtered(actor, query), query, SORTABLE, 'lastName:asc', (p) => p);
    const sites = await siteRefsOf(
      this.db.manager,
      page.items.map((p) => p.id),
    );
    return { ...page, items: page.items.map((p) => toSummary(p, sites.get(p.id) ?? [], actor)) };
  }

  /**
   * The kanban: per stage, how many professionals match and the first `limit` cards (most
   * recently moved first), in three queries whatever the number of cards.
   */
  async pipeline(actor: Actor, query: PipelineQuery): Promise<MsuPipeline> {
    const filtered = this.filtered(actor, query);
    const counts = await filtered
      .clone()
      .select('p.msu_stage', 'stage')
      .addSelect('COUNT(*)::int', 'total')
      .groupBy('p.msu_stage')
      .getRawMany<{ stage: MsuStage; total: number }>();
    const ranked = filtered
      .clone()
      .select('p.id', 'id')
      .addSelect(
        'ROW_NUMBER() OVER (PARTITION BY p.msu_stage ORDER BY p.msu_stage_since DESC, p.search_text, p.id)',
        'rank',
      );
    const cards = await this.db
      .getRepository(Professional)
      .createQueryBuilder('card')
      // ARRAY(…) is computed once, then the cards are fetched by primary key.
      .where(`card.id = ANY(ARRAY(SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rank <= :limit))`)
      .setParameters({ ...ranked.getParameters(), limit: query.limit })
      .orderBy('card.msuStageSince', 'DESC')
      .addOrderBy('card.searchText', 'ASC')
      .addOrderBy('card.id', 'ASC')
      .getMany();
    const sites = await siteRefsOf(
      this.db.manager,
      cards.map((p) => p.id),
    );
    const totals = new Map(counts.map((c) => [c.stage, c.total]));
    const stages = query.msuStage?.length ? MSU_STAGES.filter((s) => query.msuStage?.includes(s)) : MSU_STAGES;
    return {
      limit: query.limit,
      columns: stages.map((stage) => ({
        stage,
        total: totals.get(stage) ?? 0,
        items: cards.filter((p) => p.msuStage === stage).map((p) => toSummary(p, sites.get(p.id) ?? [], actor)),
      })),
    };
  }

  /** The filters of both views (and of bulk actions); sites are matched with EXISTS so that rows never repeat. */
  filtered(actor: Actor, f: ProfessionalFilters): SelectQueryBuilder<Professional> {
    const qb = scopeQuery(this.db.getRepository(Professional).createQueryBuilder('p'), actor);
    qb.andWhere(f.archived ? 'p.archivedAt IS NOT NULL' : 'p.archivedAt IS NULL');
    if (f.msuStage?.length) qb.andWhere('p.msuStage IN (:...stages)', { stages: f.msuStage });
    if (f.supervisor !== undefined) {
      qb.andWhere(`p.msuStage ${f.supervisor ? 'IN' : 'NOT IN'} (:...supervisorStages)`, {
        supervisorStages: SUPERVISOR_STAGES,
      });
    }
    if (f.site) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM professional_sites ps WHERE ps.professional_id = p.id AND ps.site_id = :site)',
        { site: f.site },
      );
    }
    if (f.commune) {
      qb.andWhere(
        // The commune's département lets `idx_training_sites_dep_commune` find the sites.
        `EXISTS (SELECT 1 FROM professional_sites ps JOIN training_sites s ON s.id = ps.site_id
          WHERE ps.professional_id = p.id AND s.commune_code = :commune
            AND s.departement_code = (SELECT c.departement_code FROM communes c WHERE c.code = :commune))`,
        { commune: f.commune },
      );
    }
    if (f.specialty) qb.andWhere('lower(p.specialty) = lower(:specialty)', { specialty: f.specialty.trim() });
    if (f.practiceMode) qb.andWhere('p.practiceMode = :practiceMode', { practiceMode: f.practiceMode });
    // Folded text is only letters, digits and spaces: nothing to escape for LIKE.
    const text = f.q ? normalizeSearchText(f.q) : '';
    if (text) qb.andWhere('p.searchText LIKE :q', { q: `%${text}%` });
    return qb;
  }
}
