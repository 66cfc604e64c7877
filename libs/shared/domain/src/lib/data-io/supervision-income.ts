import { isUnderServed, type Zonage, ZONAGE_SHORT_LABELS } from '../territory';

/**
 * What an MSU is paid for supervising (euros per month, gross; DOMAIN.md "Money"). Configurable
 * reference data: the API reads them from its settings, these are the defaults.
 */
export interface SupervisionIncomeRules {
  /** Hosting an intern (niveau 1, SASPAS…). */
  internMonthly: number;
  /** Hosting a docteur junior: the base… */
  juniorBaseMonthly: number;
  /** …the supplement every MSU of a docteur junior receives… */
  juniorSupplementMonthly: number;
  /** …more when the practice is in ZIP, ZAC or a QPV… */
  juniorZoneMonthly: number;
  /** …and more when supervising on-call duty. */
  juniorOnCallMonthly: number;
}

export const DEFAULT_SUPERVISION_INCOME_RULES: SupervisionIncomeRules = {
  internMonthly: 600,
  juniorBaseMonthly: 600,
  juniorSupplementMonthly: 1200,
  juniorZoneMonthly: 800,
  juniorOnCallMonthly: 400,
};

/** A line of the estimate: what it pays, and whether it applies at this practice. */
export interface SupervisionIncomeLine {
  label: string;
  monthly: number;
  applies: boolean;
  /** Why it applies or not (« Commune classée ZIP », « si vous encadrez des gardes »). */
  condition: string;
}

export interface SupervisionIncome {
  zonage: Zonage | null;
  underServed: boolean;
  intern: { lines: SupervisionIncomeLine[]; monthly: number; semester: number };
  docteurJunior: {
    lines: SupervisionIncomeLine[];
    /** Without the on-call supplement. */
    monthly: number;
    /** With it. */
    monthlyWithOnCall: number;
    semester: number;
    semesterWithOnCall: number;
  };
}

/** A semester is six months of hosting. */
export const SEMESTER_MONTHS = 6;

/**
 * What supervising would bring a GP at a practice of commune zonage `zonage`: an intern, or a
 * docteur junior (base, supplement, zone supplement in ZIP/ZAC/QPV, on-call supplement).
 */
export function supervisionIncome(
  zonage: Zonage | null,
  rules: SupervisionIncomeRules = DEFAULT_SUPERVISION_INCOME_RULES,
): SupervisionIncome {
  const underServed = isUnderServed(zonage);
  const zoneCondition =
    zonage === null
      ? 'Zonage de la commune inconnu : supplément non compté.'
      : underServed
        ? `Commune classée ${ZONAGE_SHORT_LABELS[zonage]}.`
        : `Commune classée ${ZONAGE_SHORT_LABELS[zonage]} (hors ZIP, ZAC et QPV).`;
  const intern: SupervisionIncomeLine[] = [
    {
      label: 'Honoraires pédagogiques pour un interne',
      monthly: rules.internMonthly,
      applies: true,
      condition: 'Par interne accueilli.',
    },
  ];
  const junior: SupervisionIncomeLine[] = [
    {
      label: 'Honoraires pédagogiques (docteur junior)',
      monthly: rules.juniorBaseMonthly,
      applies: true,
      condition: 'Par docteur junior accueilli.',
    },
    {
      label: 'Supplément d’encadrement du docteur junior',
      monthly: rules.juniorSupplementMonthly,
      applies: true,
      condition: 'Versé à tout MSU d’un docteur junior.',
    },
    {
      label: 'Supplément zone sous-dotée (ZIP, ZAC, QPV)',
      monthly: rules.juniorZoneMonthly,
      applies: underServed,
      condition: zoneCondition,
    },
    {
      label: 'Supplément pour l’encadrement des gardes',
      monthly: rules.juniorOnCallMonthly,
      applies: false,
      condition: 'Si vous encadrez le docteur junior en permanence des soins.',
    },
  ];
  const monthly = junior.filter((l) => l.applies).reduce((sum, l) => sum + l.monthly, 0);
  const monthlyWithOnCall = monthly + rules.juniorOnCallMonthly;
  return {
    zonage,
    underServed,
    intern: {
      lines: intern,
      monthly: rules.internMonthly,
      semester: rules.internMonthly * SEMESTER_MONTHS,
    },
    docteurJunior: {
      lines: junior,
      monthly,
      monthlyWithOnCall,
      semester: monthly * SEMESTER_MONTHS,
      semesterWithOnCall: monthlyWithOnCall * SEMESTER_MONTHS,
    },
  };
}
