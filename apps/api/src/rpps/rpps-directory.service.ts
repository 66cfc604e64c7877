import {
  type Civility,
  type DirectoryListing,
  type GeneralPractitionerRow,
  isSupervisor,
  MSU_STAGES,
  type MsuStage,
  normalizeSearchText,
  type Page,
  REFERRAL_OUTCOMES,
  RPPS_GENERAL_PRACTICE_CODES,
  RPPS_PHYSICIAN_PROFESSION,
  RPPS_PRACTICE_MODE_LABELS,
  RPPS_SECTOR_LABELS,
  RPPS_SORT_FIELDS,
  todayInFrance,
  type Zonage,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import { findScoped } from '../common/persistence/scoped-records';
import { type Actor, canSee, scopeQuery } from '../common/scope/territory-scope';
import { Professional } from '../professionals/professional.entity';
import { currentZonagesSql } from '../territory/zonage-in-force';
import type { ListGeneralPractitionersQuery } from './dto/rpps.dto';
import { RppsPractitioner } from './entities/rpps-practitioner.entity';
import { RppsLoadsService } from './rpps-loads.service';

const SUPERVISOR_STAGES = MSU_STAGES.filter(isSupervisor);
const SORTABLE: Record<(typeof RPPS_SORT_FIELDS)[number], string> = {
  lastName: 'r.lastName',
  commune: 'r.communeLabel',
  sector: 'r.sectorCode',
  practiceMode: 'r.practiceModeCode',
};
const CIVILITIES: Record<string, Civility> = { M: 'M', MME: 'MME', DR: 'DR', PR: 'DR' };
const MODES: Record<string, 'liberal' | 'salarie'> = { L: 'liberal', S: 'salarie' };

/** « MARTIN-DUPONT » → « Martin-Dupont », as the registry writes names. */
export function properName(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Reads of the RPPS directory: the GPs not yet MSU, and where a registry professional practises. */
@Injectable()
export class RppsDirectoryService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loads: RppsLoadsService,
  ) {}

  /** General practitioners of the actor's départements who are not MSU, one row per place of practice. */
  async generalPractitioners(
    actor: Actor,
    query: ListGeneralPractitionersQuery,
  ): Promise<Page<GeneralPractitionerRow>> {
    const qb = scopeQuery(this.db.getRepository(RppsPractitioner).createQueryBuilder('r'), actor)
      .andWhere('r.professionCode = :profession', { profession: RPPS_PHYSICIAN_PROFESSION })
      .andWhere('r.savoirFaireCode IN (:...gp)', { gp: RPPS_GENERAL_PRACTICE_CODES })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM professionals s WHERE s.rpps = r.rpps AND s.archived_at IS NULL AND s.msu_stage IN (:...supervisors))`,
        { supervisors: SUPERVISOR_STAGES },
      );
    if (query.commune) qb.andWhere('r.communeCode = :commune', { commune: query.commune });
    if (query.epci)
      qb.andWhere('r.communeCode IN (SELECT c.code FROM communes c WHERE c.epci_siren = :epci)', { epci: query.epci });
    if (query.practiceMode) qb.andWhere('r.practiceModeCode = :mode', { mode: query.practiceMode });
    if (query.sector) qb.andWhere('r.sectorCode = :sector', { sector: query.sector });
    if (query.registry) {
      qb.andWhere(
        `${query.registry === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM professionals p WHERE p.rpps = r.rpps AND p.archived_at IS NULL)`,
      );
    }
    const text = query.q ? normalizeSearchText(query.q) : '';
    if (text) qb.andWhere('r.searchText LIKE :q', { q: `%${text}%` });
    const page = await paginate(qb, query, SORTABLE, 'lastName:asc', (r) => r);
    return { ...page, items: await this.rows(actor, page.items) };
  }

  /** Whether the directory (as last loaded) still lists a professional of the registry, and where. */
  async listing(actor: Actor, professionalId: string): Promise<DirectoryListing> {
    const professional = await findScoped(this.db.manager, actor, Professional, professionalId, 'Professionnel');
    const places = professional.rpps
      ? await this.db
          .getRepository(RppsPractitioner)
          .find({ where: { rpps: professional.rpps }, order: { lineNo: 'ASC' } })
      : [];
    const names = await this.communeNames(places.map((p) => p.communeCode));
    return {
      professionalId,
      rpps: professional.rpps,
      directoryLoadedAt: (await this.loads.lastLoadedAt())?.toISOString() ?? null,
      listed: places.length > 0,
      places: places.map((p) => ({
        structureName: p.structureName,
        siret: p.siret,
        address: p.address,
        communeCode: p.communeCode,
        communeName: names.get(p.communeCode) ?? p.communeLabel,
        practiceMode: p.practiceModeLabel,
        sector: p.sectorLabel,
        profession: p.professionLabel,
        savoirFaire: p.savoirFaireLabel,
      })),
    };
  }

  /** The GP places of an RPPS number in the actor's départements (404 when the directory has none). */
  async gpPlaces(actor: Actor, rpps: string): Promise<RppsPractitioner[]> {
    if (!/^\d{11}$/.test(rpps)) throw new DomainException('BAD_INPUT', 'rpps : numéro RPPS à 11 chiffres attendu.');
    const places = await scopeQuery(this.db.getRepository(RppsPractitioner).createQueryBuilder('r'), actor)
      .andWhere('r.rpps = :rpps', { rpps })
      .andWhere('r.professionCode = :profession', { profession: RPPS_PHYSICIAN_PROFESSION })
      .andWhere('r.savoirFaireCode IN (:...gp)', { gp: RPPS_GENERAL_PRACTICE_CODES })
      .orderBy('r.lineNo')
      .getMany();
    if (places.length === 0 || !places.some((p) => canSee(actor, p.departementCode))) {
      throw DomainException.notFound('Médecin généraliste de l’annuaire');
    }
    return places;
  }

  async communeNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.query<{ code: string; name: string }[]>(
      'SELECT code, name FROM communes WHERE code = ANY($1)',
      [[...new Set(codes)]],
    );
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  /** The zonage in force today of each commune. */
  async zonages(codes: readonly string[]): Promise<Map<string, Zonage>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db.query<{ code: string; zonage: Zonage }[]>(
      `SELECT z.commune_code AS code, z.zonage FROM (${currentZonagesSql('cz.commune_code = ANY($1)', '$2')}) z`,
      [[...new Set(codes)], todayInFrance()],
    );
    return new Map(rows.map((r) => [r.code, r.zonage]));
  }

  /** A page of directory rows with what the mission officer needs to act on each, in four queries. */
  private async rows(actor: Actor, page: RppsPractitioner[]): Promise<GeneralPractitionerRow[]> {
    const rpps = [...new Set(page.flatMap((r) => (r.rpps ? [r.rpps] : [])))];
    const communes = page.map((r) => r.communeCode);
    const [registry, referrals, places, names, zonages] = [
      await this.db.query<{ id: string; rpps: string; msu_stage: MsuStage; departement_code: string }[]>(
        'SELECT id, rpps, msu_stage, departement_code FROM professionals WHERE rpps = ANY($1) AND archived_at IS NULL',
        [rpps],
      ),
      await this.db.query<{ id: string; rpps: string }[]>(
        `SELECT r.id, r.rpps FROM candidate_referrals r WHERE r.rpps = ANY($1) AND r.archived_at IS NULL
            AND r.status <> ALL($2) AND ($3::boolean = false
              OR EXISTS (SELECT 1 FROM users u WHERE u.id = r.referred_by_id AND u.role = 'cdom'))`,
        [rpps, REFERRAL_OUTCOMES, actor.role === 'cdom'],
      ),
      await this.db.query<{ national_id: string; n: number }[]>(
        `SELECT national_id, count(*)::int AS n FROM rpps_practitioners
          WHERE national_id = ANY($1) AND profession_code = $2 AND savoir_faire_code = ANY($3) GROUP BY national_id`,
        [[...new Set(page.map((r) => r.nationalId))], RPPS_PHYSICIAN_PROFESSION, RPPS_GENERAL_PRACTICE_CODES],
      ),
      await this.communeNames(communes),
      await this.zonages(communes),
    ];
    const professionalOf = new Map(registry.filter((p) => canSee(actor, p.departement_code)).map((p) => [p.rpps, p]));
    const referralOf = new Map(referrals.map((r) => [r.rpps, r.id]));
    const placesOf = new Map(places.map((p) => [p.national_id, p.n]));
    return page.map((r) => {
      const professional = r.rpps ? professionalOf.get(r.rpps) : undefined;
      const civility = r.civilityCode ? (CIVILITIES[r.civilityCode.toUpperCase()] ?? null) : null;
      const identity = { civility, firstName: properName(r.firstName), lastName: properName(r.lastName), rpps: r.rpps };
      return {
        id: r.lineNo,
        rpps: r.rpps,
        civility: r.civilityCode,
        lastName: r.lastName,
        firstName: r.firstName,
        practiceMode: {
          code: r.practiceModeCode,
          label: r.practiceModeLabel ?? RPPS_PRACTICE_MODE_LABELS[r.practiceModeCode ?? ''] ?? null,
        },
        sector: { code: r.sectorCode, label: r.sectorLabel ?? RPPS_SECTOR_LABELS[r.sectorCode ?? ''] ?? null },
        structureName: r.structureName,
        siret: r.siret,
        address: r.address,
        postalCode: r.postalCode,
        commune: { code: r.communeCode, name: names.get(r.communeCode) ?? r.communeLabel },
        zonage: zonages.get(r.communeCode) ?? null,
        otherPlaces: Math.max(0, (placesOf.get(r.nationalId) ?? 1) - 1),
        registry: professional ? { professionalId: professional.id, msuStage: professional.msu_stage } : null,
        openReferralId: r.rpps ? (referralOf.get(r.rpps) ?? null) : null,
        referralDraft: professional
          ? { professionalId: professional.id, reason: '' }
          : { ...identity, specialty: 'Médecine générale', communeCode: r.communeCode, reason: '' },
        professionalDraft: {
          ...identity,
          profession: 'Médecin',
          specialty: 'Médecine générale',
          practiceMode: r.practiceModeCode ? (MODES[r.practiceModeCode] ?? null) : null,
        },
      };
    });
  }
}
