import {
  AUDIT_ENTITY_TYPES,
  type Civility,
  PEOPLE_AUDIT_ENTITY_TYPES,
  type ProfessionalSiteLink,
  type SiteRole,
  professionalDisplayName,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { type AuditActor, findScoped } from '../common/persistence/scoped-records';
import { type Actor, canSee } from '../common/scope/territory-scope';
import type { CreateSiteLinkDto, EndSiteLinkDto, ListSiteLinksQuery, UpdateSiteLinkDto } from './dto/site-link.dto';
import { ProfessionalSitePeriod } from './professional-site-period.entity';
import { ProfessionalSite } from './professional-site.entity';
import { endedPeriod } from './professional-sites';
import { Professional } from './professional.entity';

const LINK = 'Rattachement';

interface LinkRow {
  id: string;
  version: number;
  current: boolean;
  role: SiteRole | null;
  startDate: string | null;
  endDate: string | null;
  professionalId: string;
  civility: Civility | null;
  firstName: string;
  lastName: string;
  siteId: string;
  siteName: string;
  communeName: string | null;
}

/** Current links, then the ended periods (most recent first), of one professional or one site. */
const LINKS_SQL = (column: 'professional_id' | 'site_id') => `
  SELECT l.*, p.civility, p.first_name AS "firstName", p.last_name AS "lastName",
    s.name AS "siteName", c.name AS "communeName"
  FROM (
    SELECT ps.id, ps.version, true AS current, ps.role, ps.start_date::text AS "startDate", NULL::text AS "endDate",
      ps.professional_id AS "professionalId", ps.site_id AS "siteId"
    FROM professional_sites ps WHERE ps.${column} = $1
    UNION ALL
    SELECT pp.id, pp.version, false, pp.role, pp.start_date::text, pp.end_date::text, pp.professional_id, pp.site_id
    FROM professional_site_periods pp WHERE pp.${column} = $1
  ) l
  JOIN professionals p ON p.id = l."professionalId"
  JOIN training_sites s ON s.id = l."siteId"
  LEFT JOIN communes c ON c.code = s.commune_code
  ORDER BY l.current DESC, l."endDate" DESC NULLS FIRST, l."startDate" DESC NULLS LAST, s.name, p.last_name`;

/**
 * Where professionals practise, link by link: a role at the site, start and end dates, and the
 * ended links kept as history. Each write is audited on the professional and on the site.
 */
@Injectable()
export class SiteLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListSiteLinksQuery): Promise<{ items: ProfessionalSiteLink[] }> {
    if (Boolean(query.professional) === Boolean(query.site)) {
      throw new DomainException(
        'BAD_INPUT',
        'professional : donnez un professionnel ou un terrain (site), pas les deux.',
      );
    }
    const manager = this.db.manager;
    if (query.professional) await findScoped(manager, actor, Professional, query.professional, 'Professionnel');
    else await this.siteOf(manager, actor, query.site as string, 'site');
    const rows: LinkRow[] = await manager.query(LINKS_SQL(query.professional ? 'professional_id' : 'site_id'), [
      query.professional ?? query.site,
    ]);
    return { items: rows.map(toLink) };
  }

  create(actor: AuditActor, dto: CreateSiteLinkDto): Promise<ProfessionalSiteLink> {
    return this.db.transaction(async (manager) => {
      const professional = await findScoped(manager, actor, Professional, dto.professionalId, 'Professionnel');
      if (professional.archivedAt) {
        throw new DomainException(
          'INVALID_STATE',
          'Ce professionnel est archivé : restaurez-le avant de le rattacher.',
        );
      }
      const site = await this.siteOf(manager, actor, dto.siteId, 'siteId');
      if (site.archived || site.departementCode !== professional.departementCode) {
        throw new DomainException('BAD_INPUT', 'siteId : terrain archivé ou d’un autre département.');
      }
      const repo = manager.getRepository(ProfessionalSite);
      if (await repo.existsBy({ professionalId: professional.id, siteId: dto.siteId })) {
        throw new DomainException('DUPLICATE', 'siteId : ce professionnel est déjà rattaché à ce terrain.');
      }
      await repo.insert({
        professionalId: professional.id,
        siteId: dto.siteId,
        role: dto.role,
        startDate: dto.startDate ?? null,
      });
      const link = await this.current(manager, actor, { professionalId: professional.id, siteId: dto.siteId });
      await this.record(manager, actor, 'site_linked', link, undefined, snapshotOf(link));
      return link;
    });
  }

  update(actor: AuditActor, id: string, dto: UpdateSiteLinkDto): Promise<ProfessionalSiteLink> {
    return this.db.transaction(async (manager) => {
      const before = await this.current(manager, actor, { id });
      const values: Partial<ProfessionalSite> = {};
      if (dto.role !== undefined) values.role = dto.role;
      if (dto.startDate !== undefined) values.startDate = dto.startDate;
      const result = await manager
        .createQueryBuilder()
        .update(ProfessionalSite)
        .set({ ...values, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: dto.version })
        .execute();
      if (result.affected === 0) throw DomainException.versionConflict();
      const after = await this.current(manager, actor, { id });
      await this.record(manager, actor, 'site_link_updated', after, snapshotOf(before), snapshotOf(after));
      return after;
    });
  }

  /** Ends a current link: it becomes a period of the history. */
  end(actor: AuditActor, id: string, dto: EndSiteLinkDto): Promise<ProfessionalSiteLink> {
    return this.db.transaction(async (manager) => {
      const link = await this.current(manager, actor, { id });
      if (link.version !== dto.version) throw DomainException.versionConflict();
      if (link.startDate && dto.endDate < link.startDate) {
        throw new DomainException(
          'BAD_INPUT',
          `endDate : la fin ne peut pas précéder le début du rattachement (${link.startDate.split('-').reverse().join('/')}).`,
        );
      }
      const deleted = await manager.delete(ProfessionalSite, { id, version: dto.version });
      if (deleted.affected === 0) throw DomainException.versionConflict();
      const period = await manager
        .getRepository(ProfessionalSitePeriod)
        .save(
          endedPeriod(
            { professionalId: link.professional.id, siteId: link.site.id, role: link.role, startDate: link.startDate },
            await this.departementOf(manager, link.professional.id),
            dto.endDate,
          ),
        );
      const ended: ProfessionalSiteLink = {
        ...link,
        id: period.id,
        version: period.version,
        current: false,
        endDate: dto.endDate,
      };
      await this.record(manager, actor, 'site_unlinked', ended, snapshotOf(link), snapshotOf(ended));
      return ended;
    });
  }

  /** A current link, by id or by its pair, within the actor's département (404 otherwise). */
  private async current(
    manager: EntityManager,
    actor: Actor,
    where: { id: string } | { professionalId: string; siteId: string },
  ): Promise<ProfessionalSiteLink> {
    const link = await manager.getRepository(ProfessionalSite).findOneBy(where);
    if (!link) throw DomainException.notFound(LINK);
    await findScoped(manager, actor, Professional, link.professionalId, LINK);
    const rows: LinkRow[] = await manager.query(LINKS_SQL('professional_id'), [link.professionalId]);
    const row = rows.find((r) => r.current && r.id === link.id);
    if (!row) throw DomainException.notFound(LINK);
    return toLink(row);
  }

  private async siteOf(manager: EntityManager, actor: Actor, id: string, field: string) {
    const [site]: { departementCode: string; archived: boolean }[] = await manager.query(
      `SELECT departement_code AS "departementCode", archived_at IS NOT NULL AS archived FROM training_sites WHERE id = $1`,
      [id],
    );
    if (!site || !canSee(actor, site.departementCode)) {
      throw field === 'site'
        ? DomainException.notFound('Terrain de stage')
        : new DomainException('BAD_INPUT', `${field} : terrain de stage introuvable.`);
    }
    return site;
  }

  private async departementOf(manager: EntityManager, professionalId: string): Promise<string> {
    return (await manager.getRepository(Professional).findOneByOrFail({ id: professionalId })).departementCode;
  }

  /** One event on the professional's history and one on the site's. */
  private async record(
    manager: EntityManager,
    actor: AuditActor,
    action: string,
    link: ProfessionalSiteLink,
    before: Record<string, unknown> | undefined,
    after: Record<string, unknown>,
  ): Promise<void> {
    const departementCode = await this.departementOf(manager, link.professional.id);
    for (const [entityType, entityId] of [
      [PEOPLE_AUDIT_ENTITY_TYPES.professional, link.professional.id],
      [AUDIT_ENTITY_TYPES.site, link.site.id],
    ] as const) {
      await this.audit.record(manager, actor, { action, entityType, entityId, departementCode, before, after });
    }
  }
}

function toLink(r: LinkRow): ProfessionalSiteLink {
  return {
    id: r.id,
    version: r.version,
    current: r.current,
    professional: { id: r.professionalId, name: professionalDisplayName(r) },
    site: { id: r.siteId, name: r.siteName, communeName: r.communeName },
    role: r.role,
    startDate: r.startDate,
    endDate: r.endDate,
  };
}

function snapshotOf(link: ProfessionalSiteLink): Record<string, unknown> {
  return {
    professional: link.professional.name,
    site: link.site.name,
    siteRole: link.role,
    startDate: link.startDate,
    endDate: link.endDate,
  };
}
