import type { AccessIssueCategory } from '../fieldwork/access-issues';
import type { SemesterCode } from '../fieldwork/semesters';
import type { MsuStage } from '../registry/professionals';
import type { IntentStatus, ReferralStatus } from '../registry/referrals';

/** The territory a dashboard covers: a département, narrowed to an EPCI or a commune. */
export interface DashboardScope {
  /** `null`: every département (national administrator without `departement`). */
  departementCode: string | null;
  level: 'departement' | 'epci' | 'commune';
  epci: { siren: string; name: string } | null;
  commune: { code: string; name: string } | null;
  /** Communes covered and their population (communes without a known population count 0). */
  communes: number;
  population: number;
}

export interface DashboardFunnelStep {
  stage: MsuStage;
  label: string;
  /** Professionals whose current stage is this one. */
  count: number;
  /** Professionals at this stage or further down the funnel. */
  reached: number;
  /** `reached` of the next stage ÷ `reached` of this one (0 to 1), `null` on the last stage or when nobody reached this one. */
  conversionToNext: number | null;
}

export interface DashboardIssueCategory {
  category: AccessIssueCategory;
  label: string;
  /** Live issues currently open or in progress. */
  open: number;
  /** Issues raised in the period. */
  raised: number;
}

export interface DashboardIssueMonth {
  /** `YYYY-MM`. */
  month: string;
  raised: number;
}

/** `GET /api/dashboard`: key figures of a period and a territory (definitions in the API doc). */
export interface Dashboard {
  period: { from: string; to: string };
  scope: DashboardScope;
  /** The day the figures were computed ("today", Europe/Paris). */
  computedOn: string;
  sites: { active: number; total: number };
  /** `accreditedInPeriod`: MSUs whose accreditation took effect in the period (accreditation records). */
  msus: { active: number; accredited: number; total: number; accreditedInPeriod: number };
  /**
   * The next semester's places (`semesterPlaces` in the API, as on Semestres, the offer snapshots and
   * the annual report): every stage type but the docteurs juniors, who are counted apart.
   */
  places: {
    semester: SemesterCode;
    label: string;
    offered: number;
    requested: number;
    /** `null` while unknown. */
    filled: number | null;
    gap: number;
    /** Always `false`: docteurs juniors are in `docteurJunior`. */
    includesDocteursJuniors: false;
    /** Docteurs juniors (4th year), apart; `null` before their first semester. */
    docteurJunior: { offered: number; requested: number; filled: number | null; gap: number } | null;
    /** Places are counted per département (demand is entered per département, not per commune). */
    scope: 'departement';
  };
  pipeline: { funnel: DashboardFunnelStep[]; exits: { stage: MsuStage; label: string; count: number }[] };
  referrals: { total: number; byOutcome: { status: ReferralStatus; label: string; count: number }[] };
  accessIssues: {
    open: number;
    openAtEnd: number;
    raised: number;
    byCategory: DashboardIssueCategory[];
    trend: DashboardIssueMonth[];
  };
  visits: { planned: number; done: number; pending: number; cancelled: number; doneRate: number | null };
  accreditations: { alertMonths: number; expiring: number; expired: number };
  intents: { total: number; byStatus: { status: IntentStatus; label: string; count: number }[] };
  /**
   * General practitioners of the territory per 10 000 inhabitants, from the national directory
   * (Annuaire Santé, RPPS; the same function as `GET /api/rpps/density`). `directoryLoadedAt`
   * `null`: no directory was ever loaded, and `count` and `per10000` are `null` too.
   */
  generalPractitioners: {
    directoryLoadedAt: string | null;
    count: number | null;
    population: number;
    per10000: number | null;
  };
}
