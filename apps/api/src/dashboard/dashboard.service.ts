import {
  ACCESS_ISSUE_CATEGORIES,
  ACCESS_ISSUE_CATEGORY_LABELS,
  type AccessIssueCategory,
  addMonths,
  type Dashboard,
  type DashboardScope,
  type GpDensityRow,
  INTENT_STATUS_LABELS,
  INTENT_STATUSES,
  type IntentStatus,
  nextSemester,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  type ReferralStatus,
  semesterOf,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import { type Actor, visibleDepartements } from '../common/scope/territory-scope';
import { accreditationRulesOf, AppConfig } from '../config/app-config';
import { type CachedFigures, FigureCache } from '../figure-cache/figure-cache.service';
import { generalPractitionerDensity, rppsDirectoryLoadedAt } from '../figures/gp-density';
import { msuFunnel } from '../figures/msu-funnel';
import { accreditedInPeriod } from '../figures/msus-accredited';
import { semesterPlaces } from '../figures/semester-places';
import {
  ACCREDITATIONS_SQL,
  INTENTS_SQL,
  ISSUE_MONTHS_SQL,
  ISSUES_SQL,
  POPULATION_SQL,
  REFERRALS_SQL,
  REGISTRY_SQL,
  VISITS_SQL,
} from './dashboard.sql';
import type { DashboardQuery } from './dto/dashboard.query';

/** Longest period accepted (the monthly trend has one row per month). */
const MAX_PERIOD_YEARS = 10;

interface Territory {
  departements: string[] | null;
  /** `null`: the whole département(s), no commune filter. */
  communes: string[] | null;
  scope: Omit<DashboardScope, 'communes' | 'population'>;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

/** The areas of the territory's level whose density is read (`null`: every one of the départements). */
function densityAreas(territory: Territory): string[] | null {
  const { level, epci, commune } = territory.scope;
  if (level === 'commune') return commune ? [commune.code] : null;
  if (level === 'epci') return epci ? [epci.siren] : null;
  return territory.departements;
}

/**
 * The territory's general practitioners per 10 000 inhabitants, from the directory's density of its
 * area(s): several départements (a national administrator) add up; unknown without a directory.
 */
function gpFigure(
  directoryLoadedAt: string | null,
  rows: GpDensityRow[],
  population: number,
): Dashboard['generalPractitioners'] {
  if (!directoryLoadedAt) return { directoryLoadedAt, count: null, population, per10000: null };
  if (rows.length === 1) {
    return { directoryLoadedAt, count: rows[0].generalPractitioners, population, per10000: rows[0].per10000 };
  }
  const count = rows.reduce((acc, r) => acc + r.generalPractitioners, 0);
  const per10000 = population > 0 ? Math.round((count / population) * 10_000 * 100) / 100 : null;
  return { directoryLoadedAt, count, population, per10000 };
}

/** Key figures of a period and a territory: a handful of aggregate queries run side by side, cached. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly cache: FigureCache,
  ) {}

  /**
   * The dashboard as JSON, computed once per territory, period and day and served from the figure
   * cache until a write changes what it counts (figure-cache.service.ts).
   */
  async get(actor: Actor, query: DashboardQuery): Promise<CachedFigures> {
    const today = this.clock.today();
    const from = query.from ?? `${today.slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw new DomainException('BAD_INPUT', 'from, to : la période commence après sa fin.');
    if (to > addMonths(from, MAX_PERIOD_YEARS * 12)) {
      throw new DomainException('BAD_INPUT', `from, to : la période ne peut dépasser ${MAX_PERIOD_YEARS} ans.`);
    }
    const departements = this.departements(actor, query);
    const alertMonths = accreditationRulesOf(this.config).alertMonths;
    const name = ['dashboard', from, to, query.epci ?? '', query.commune ?? '', today, alertMonths].join(':');
    return this.cache.get(name, departements, () =>
      this.compute(departements, query, { today, from, to, alertMonths }),
    );
  }

  private async compute(
    departements: string[] | null,
    query: DashboardQuery,
    { today, from, to, alertMonths }: { today: string; from: string; to: string; alertMonths: number },
  ): Promise<Dashboard> {
    const territory = await this.territory(departements, query);
    const { departements: deps, communes } = territory;
    const semester = nextSemester(semesterOf(today));
    const q = <T>(sql: string, params: unknown[]) => this.db.query<T[]>(sql, params);

    const [
      population,
      registry,
      referrals,
      issues,
      months,
      visits,
      accreditations,
      intents,
      plans,
      pipeline,
      accredited,
      directoryLoadedAt,
      density,
    ] = await Promise.all([
      q<{ communes: number; population: string }>(POPULATION_SQL, [deps, communes]),
      q<{
        active_sites: number;
        total_sites: number;
      }>(REGISTRY_SQL, [deps, communes]),
      q<{ status: ReferralStatus; count: number }>(REFERRALS_SQL, [deps, communes, from, to]),
      q<{ category: AccessIssueCategory; open: number; raised: number; open_at_end: number }>(ISSUES_SQL, [
        deps,
        communes,
        from,
        to,
      ]),
      q<{ month: string; raised: number }>(ISSUE_MONTHS_SQL, [deps, communes, from, to]),
      q<{ planned: number; done: number; pending: number; cancelled: number }>(VISITS_SQL, [deps, communes, from, to]),
      q<{ expiring: number; expired: number }>(ACCREDITATIONS_SQL, [
        deps,
        communes,
        from,
        to,
        today,
        addMonths(today, alertMonths),
      ]),
      q<{ status: IntentStatus; count: number }>(INTENTS_SQL, [deps, communes]),
      semesterPlaces(this.db.manager, [semester], deps),
      msuFunnel(this.db.manager, deps, communes),
      accreditedInPeriod(this.db.manager, deps, from, to, communes),
      rppsDirectoryLoadedAt(this.db.manager),
      generalPractitionerDensity(this.db.manager, territory.scope.level, deps, densityAreas(territory)),
    ]);

    const people = Number(population[0].population);
    const reg = registry[0];
    const stageCount = pipeline.count;

    const byOutcome = REFERRAL_STATUSES.map((status) => ({
      status,
      label: REFERRAL_STATUS_LABELS[status],
      count: referrals.find((r) => r.status === status)?.count ?? 0,
    }));
    const byCategory = ACCESS_ISSUE_CATEGORIES.map((category) => {
      const row = issues.find((r) => r.category === category);
      return {
        category,
        label: ACCESS_ISSUE_CATEGORY_LABELS[category],
        open: row?.open ?? 0,
        raised: row?.raised ?? 0,
      };
    });
    const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((acc, r) => acc + f(r), 0);
    const intentsByStatus = INTENT_STATUSES.map((status) => ({
      status,
      label: INTENT_STATUS_LABELS[status],
      count: intents.find((r) => r.status === status)?.count ?? 0,
    }));
    const plan = plans[0];
    const dj = plan.docteurJunior;
    const v = visits[0];

    return {
      period: { from, to },
      scope: { ...territory.scope, communes: population[0].communes, population: people },
      computedOn: today,
      sites: { active: reg.active_sites, total: reg.total_sites },
      msus: {
        active: stageCount('active'),
        accredited: stageCount('accredited'),
        total: stageCount('active') + stageCount('accredited'),
        accreditedInPeriod: accredited.msus,
      },
      places: {
        semester,
        label: plan.label,
        ...plan.totals,
        includesDocteursJuniors: false,
        docteurJunior: dj ? { offered: dj.offered, requested: dj.requested, filled: dj.filled, gap: dj.gap } : null,
        scope: 'departement',
      },
      pipeline: { funnel: pipeline.funnel, exits: pipeline.exits },
      referrals: { total: sum(byOutcome, (r) => r.count), byOutcome },
      accessIssues: {
        open: sum(byCategory, (r) => r.open),
        openAtEnd: sum(issues, (r) => r.open_at_end),
        raised: sum(byCategory, (r) => r.raised),
        byCategory,
        trend: months,
      },
      visits: { ...v, doneRate: ratio(v.done, v.planned) },
      accreditations: { alertMonths, expiring: accreditations[0].expiring, expired: accreditations[0].expired },
      intents: { total: sum(intentsByStatus, (r) => r.count), byStatus: intentsByStatus },
      generalPractitioners: gpFigure(directoryLoadedAt, density, people),
    };
  }

  /** The départements read: the actor's, or the one a national administrator asks for. */
  private departements(actor: Actor, query: DashboardQuery): string[] | null {
    const visible = visibleDepartements(actor);
    if (visible && query.departement && !visible.includes(query.departement)) {
      throw new DomainException('FORBIDDEN', 'Vous ne pouvez pas consulter un autre département que le vôtre.');
    }
    return query.departement ? [query.departement] : visible;
  }

  /** The communes of the EPCI or commune asked for (404 outside the départements read). */
  private async territory(departements: string[] | null, query: DashboardQuery): Promise<Territory> {
    const departementCode = departements?.length === 1 ? departements[0] : null;
    let epci: DashboardScope['epci'] = null;
    let communes: string[] | null = null;
    if (query.epci) {
      const [row] = await this.db.query<{ siren: string; name: string; communes: string[] }[]>(
        `SELECT e.siren, e.name, array_agg(c.code ORDER BY c.code) AS communes
         FROM epcis e JOIN communes c ON c.epci_siren = e.siren
         WHERE e.siren = $1 AND ($2::text[] IS NULL OR c.departement_code = ANY($2::text[]))
         GROUP BY e.siren, e.name`,
        [query.epci, departements],
      );
      if (!row) throw new DomainException('NOT_FOUND', 'epci : EPCI introuvable dans votre département.');
      epci = { siren: row.siren, name: row.name };
      communes = row.communes;
    }
    let commune: DashboardScope['commune'] = null;
    if (query.commune) {
      const [row] = await this.db.query<{ code: string; name: string; epci_siren: string | null }[]>(
        `SELECT code, name, epci_siren FROM communes
         WHERE code = $1 AND ($2::text[] IS NULL OR departement_code = ANY($2::text[]))`,
        [query.commune, departements],
      );
      if (!row) throw new DomainException('NOT_FOUND', 'commune : commune introuvable dans votre département.');
      if (epci && row.epci_siren !== epci.siren) {
        throw new DomainException('BAD_INPUT', 'commune : cette commune n’appartient pas à l’EPCI choisi.');
      }
      commune = { code: row.code, name: row.name };
      communes = [row.code];
    }
    const level = commune ? 'commune' : epci ? 'epci' : 'departement';
    return { departements, communes, scope: { departementCode, level, epci, commune } };
  }
}
