import {
  type CommuneDetail,
  type CommuneSummary,
  type DepartementSummary,
  type EpciListItem,
  INSEE_COMMUNE_CODE,
  normalizeSearchText,
  type Page,
  todayInFrance,
  type Zonage,
  type ZonagePeriod,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import { type Actor, canSee, scopeQuery, visibleDepartements } from '../common/scope/territory-scope';
import type { AddZonageDto, ListCommunesQuery } from './dto/commune.dto';
import { CommuneContour } from './entities/commune-contour.entity';
import { CommuneZonage } from './entities/commune-zonage.entity';
import { Commune } from './entities/commune.entity';
import { Departement } from './entities/departement.entity';
import { currentZonageSql } from './zonage-in-force';
import { addZonagePeriod } from './zonage-periods';

const SORTABLE = { name: 'c.searchName', code: 'c.code', population: 'c.population' };
/** The zonage in force on `:zonageDay` (today in France: not `CURRENT_DATE`, the session's UTC day). */
const CURRENT_ZONAGE = currentZonageSql('c.code', ':zonageDay');

@Injectable()
export class CommunesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async search(actor: Actor, query: ListCommunesQuery): Promise<Page<CommuneSummary>> {
    const qb = scopeQuery(
      this.db.getRepository(Commune).createQueryBuilder('c').leftJoinAndSelect('c.epci', 'e'),
      actor,
    );
    if (query.departement) qb.andWhere('c.departementCode = :dep', { dep: query.departement });
    if (query.epci) qb.andWhere('c.epciSiren = :epci', { epci: query.epci });
    if (query.zonage) {
      qb.andWhere(`${CURRENT_ZONAGE} = :zonage`, { zonage: query.zonage, zonageDay: todayInFrance() });
    }
    const text = query.q ? normalizeSearchText(query.q) : '';
    if (/^\d{2,5}$/.test(text)) {
      qb.andWhere('(c.code LIKE :prefix OR :exact = ANY(c.postalCodes))', { prefix: `${text}%`, exact: text });
    } else if (text) {
      qb.andWhere('c.searchName LIKE :contains', { contains: `%${text}%` });
    }
    // Names that start with the text come first, then alphabetical order. The rank is a selected
    // alias: with the EPCI join and paging, TypeORM can only order its inner query by those.
    if (text && !query.sort) {
      qb.addSelect('CASE WHEN c.searchName LIKE :starts THEN 0 ELSE 1 END', 'starts_rank')
        .setParameter('starts', `${text}%`)
        .orderBy('starts_rank', 'ASC');
    }
    const page = await paginate(qb, query, SORTABLE, 'name:asc', (c) => c);
    return { ...page, items: await this.summaries(page.items) };
  }

  async get(actor: Actor, code: string): Promise<CommuneDetail> {
    const commune = await this.findVisible(actor, code);
    const [summary] = await this.summaries([commune]);
    const history = await this.db
      .getRepository(CommuneZonage)
      .find({ where: { communeCode: code }, order: { validFrom: 'DESC' } });
    return { ...summary, zonageHistory: history.map(toPeriod) };
  }

  async departements(actor: Actor): Promise<DepartementSummary[]> {
    const codes = visibleDepartements(actor);
    const rows = await this.db
      .getRepository(Departement)
      .find({ where: codes ? { code: In(codes) } : {}, order: { code: 'ASC' } });
    return rows.map((d) => ({ code: d.code, name: d.name }));
  }

  /** EPCIs with at least one visible commune, by name, with the number of those communes. */
  async epcis(actor: Actor, departement?: string): Promise<EpciListItem[]> {
    const qb = scopeQuery(
      this.db
        .getRepository(Commune)
        .createQueryBuilder('c')
        .innerJoin('c.epci', 'e')
        .select(['e.siren AS siren', 'e.name AS name', 'e.kind AS kind', 'count(*)::int AS "communeCount"'])
        .groupBy('e.siren')
        .addGroupBy('e.name')
        .addGroupBy('e.kind')
        .orderBy('e.name', 'ASC'),
      actor,
    );
    if (departement) qb.andWhere('c.departementCode = :dep', { dep: departement });
    return qb.getRawMany<EpciListItem>();
  }

  /**
   * Records a new classification. An open period that the new one follows is closed the day
   * before; any other overlap is refused.
   */
  async addZonage(actor: Actor & { email?: string }, code: string, dto: AddZonageDto): Promise<CommuneDetail> {
    const validTo = dto.validTo ?? null;
    if (validTo !== null && validTo < dto.validFrom) {
      throw new DomainException('BAD_INPUT', 'validTo : la fin doit être postérieure ou égale au début.');
    }
    const commune = await this.findVisible(actor, code);
    await this.db.transaction((manager) =>
      addZonagePeriod(manager, this.audit, actor, commune, {
        zonage: dto.zonage,
        validFrom: dto.validFrom,
        validTo,
        source: dto.source ?? null,
      }),
    );
    return this.get(actor, code);
  }

  /** GeoJSON of the visible communes that have a contour (for the map). */
  async contours(actor: Actor, departement?: string): Promise<{ type: 'FeatureCollection'; features: unknown[] }> {
    const qb = scopeQuery(
      this.db.getRepository(CommuneContour).createQueryBuilder('k').innerJoinAndSelect('k.commune', 'c'),
      actor,
      'c.departementCode',
    );
    if (departement) qb.andWhere('c.departementCode = :dep', { dep: departement });
    const rows = await qb.orderBy('c.code').getMany();
    return {
      type: 'FeatureCollection',
      features: rows.map((k) => ({
        type: 'Feature',
        properties: { code: k.communeCode, nom: k.commune?.name },
        geometry: k.geometry,
      })),
    };
  }

  private async findVisible(actor: Actor, code: string): Promise<Commune> {
    if (!INSEE_COMMUNE_CODE.test(code))
      throw new DomainException('BAD_INPUT', 'code : code INSEE à 5 caractères attendu.');
    const commune = await this.db.getRepository(Commune).findOne({ where: { code }, relations: { epci: true } });
    if (!commune || !canSee(actor, commune.departementCode)) throw DomainException.notFound('Commune');
    return commune;
  }

  /** Adds current zonage and contour presence to a page of communes, in two queries. */
  private async summaries(communes: Commune[]): Promise<CommuneSummary[]> {
    if (communes.length === 0) return [];
    const codes = communes.map((c) => c.code);
    const on = todayInFrance();
    const zonages = await this.db
      .getRepository(CommuneZonage)
      .createQueryBuilder('z')
      .where('z.communeCode IN (:...codes)', { codes })
      .andWhere('z.validFrom <= :on AND (z.validTo IS NULL OR z.validTo >= :on)', { on })
      .orderBy('z.validFrom', 'ASC')
      .getMany();
    const zonageOf = new Map<string, Zonage>(zonages.map((z) => [z.communeCode, z.zonage]));
    const withContour = new Set(
      (
        await this.db
          .getRepository(CommuneContour)
          .find({ select: { communeCode: true }, where: { communeCode: In(codes) } })
      ).map((k) => k.communeCode),
    );
    return communes.map((c) => ({
      code: c.code,
      name: c.name,
      departementCode: c.departementCode,
      postalCodes: c.postalCodes,
      population: c.population,
      epci: c.epci ? { siren: c.epci.siren, name: c.epci.name } : null,
      zonage: zonageOf.get(c.code) ?? null,
      hasContour: withContour.has(c.code),
    }));
  }
}

function toPeriod(z: CommuneZonage): ZonagePeriod {
  return { zonage: z.zonage, validFrom: z.validFrom, validTo: z.validTo };
}
