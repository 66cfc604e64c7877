import type { Dashboard } from '@maillage/shared/domain';
import type { AreaKey } from '../../core/navigation/areas';
import { formatGap, GAP_KIND_LABELS, gapKind } from '../semesters';
import {
  countOf,
  exitsText,
  formatDecimal,
  formatLongDate,
  formatNumber,
  formatPercent,
  plural,
  RPPS_NOT_LOADED,
  rppsSourceText,
} from './dashboard-format';

export type FigureTone = 'neutral' | 'alert' | 'good';

/** One key-figure tile: a big value, what it counts and a short caption. */
export interface KeyFigure {
  key: string;
  icon: string;
  label: string;
  value: string;
  /** Small text after the value ("/ 169 demandées", "pour 10 000 hab."). */
  unit: string | null;
  caption: string;
  tone: FigureTone;
  /** The area holding the detail (linked when the user may open it). */
  area: AreaKey | null;
}

/** « · Docteurs juniors, à part : 9 offertes / 11 demandées », or nothing before their first semester. */
export function docteurJuniorText(d: Dashboard): string {
  const dj = d.places.docteurJunior;
  return dj
    ? ` · Docteurs juniors, à part : ${formatNumber(dj.offered)} offertes / ${formatNumber(dj.requested)} demandées`
    : '';
}

/**
 * General practitioners per 10 000 inhabitants from the RPPS directory, its source and load day;
 * « Annuaire RPPS non chargé » (linked to the reference data for those who may load it) before any load.
 */
function gpFigure(gp: Dashboard['generalPractitioners']): KeyFigure {
  const base = {
    key: 'general-practitioners',
    icon: 'medical_services',
    label: 'Médecins généralistes',
    tone: 'neutral' as const,
  };
  if (gp.directoryLoadedAt === null || gp.count === null) {
    return {
      ...base,
      value: RPPS_NOT_LOADED,
      unit: null,
      caption: 'Chargez l’Annuaire Santé (RPPS) dans « Données de référence » pour connaître la densité.',
      area: 'referenceData',
    };
  }
  const source = rppsSourceText(gp.directoryLoadedAt);
  return {
    ...base,
    value: gp.per10000 === null ? 'Non connu' : formatDecimal(gp.per10000),
    unit: gp.per10000 === null ? null : 'pour 10 000 hab.',
    caption:
      gp.per10000 === null
        ? `${plural(gp.count, 'médecin', 'médecins')} · population inconnue · ${source}`
        : `${plural(gp.count, 'médecin', 'médecins')} · ${plural(gp.population, 'habitant', 'habitants')} · ${source}`,
    area: null,
  };
}

/** The tiles at the top of the dashboard, in reading order. */
export function keyFigures(d: Dashboard): KeyFigure[] {
  const gp = d.generalPractitioners;
  const gap = d.places.gap;
  const kind = gapKind(gap);
  return [
    {
      key: 'sites',
      icon: 'home_work',
      label: 'Terrains de stage actifs',
      value: formatNumber(d.sites.active),
      unit: null,
      caption: `sur ${plural(d.sites.total, 'terrain recensé', 'terrains recensés')}`,
      tone: 'neutral',
      area: 'sites',
    },
    {
      key: 'msus',
      icon: 'badge',
      label: 'Maîtres de stage actifs',
      value: formatNumber(d.msus.active),
      unit: null,
      caption:
        `+ ${plural(d.msus.accredited, 'agréé pas encore actif', 'agréés pas encore actifs')} · ${formatNumber(d.msus.total)} au total` +
        ` · ${plural(d.msus.accreditedInPeriod, 'agréé sur la période', 'agréés sur la période')}`,
      tone: 'neutral',
      area: 'professionals',
    },
    {
      key: 'places',
      icon: 'event_seat',
      label: `Places · ${d.places.label} (hors docteurs juniors)`,
      value: formatNumber(d.places.offered),
      unit: `offertes / ${formatNumber(d.places.requested)} demandées`,
      caption: `${GAP_KIND_LABELS[kind]} : ${formatGap(gap)} (semestre à venir, tout le département)${docteurJuniorText(d)}`,
      tone: kind === 'missing' ? 'alert' : kind === 'surplus' ? 'good' : 'neutral',
      area: 'semesters',
    },
    gpFigure(gp),
    {
      key: 'accreditations',
      icon: 'verified',
      label: 'Agréments à renouveler',
      value: formatNumber(d.accreditations.expiring),
      unit: `d’ici ${d.accreditations.alertMonths} mois`,
      caption: `${plural(d.accreditations.expired, 'agrément expiré', 'agréments expirés')} sur la période`,
      tone: d.accreditations.expiring > 0 ? 'alert' : 'neutral',
      area: 'accreditations',
    },
    {
      key: 'visits',
      icon: 'fact_check',
      label: 'Visites de terrain réalisées',
      value: formatNumber(d.visits.done),
      unit: `/ ${formatNumber(d.visits.planned)} prévues`,
      caption: visitsCaption(d),
      tone: 'neutral',
      area: 'visits',
    },
    {
      key: 'access-issues',
      icon: 'report',
      label: 'Difficultés d’accès ouvertes',
      value: formatNumber(d.accessIssues.open),
      unit: null,
      caption: `${plural(d.accessIssues.raised, 'signalée', 'signalées')} sur la période`,
      tone: 'neutral',
      area: 'accessIssues',
    },
    {
      key: 'referrals',
      icon: 'forward_to_inbox',
      label: 'Signalements du CDOM',
      value: formatNumber(d.referrals.total),
      unit: null,
      caption: `reçus sur la période · ${plural(countOf(d.referrals.byOutcome, 'converted'), 'converti', 'convertis')}`,
      tone: 'neutral',
      area: 'referrals',
    },
  ];
}

function visitsCaption(d: Dashboard): string {
  const parts = [d.visits.doneRate === null ? 'aucune visite prévue' : `${formatPercent(d.visits.doneRate)} réalisées`];
  if (d.visits.cancelled > 0) parts.push(plural(d.visits.cancelled, 'annulée', 'annulées'));
  return parts.join(' · ');
}

/** The sentence under each chart's title: what it counts, and whether the period applies. */
export function cardCaptions(
  d: Dashboard,
): Record<'funnel' | 'places' | 'visits' | 'issuesByCategory' | 'issuesTrend' | 'referrals' | 'intents', string> {
  const steps = d.pipeline.funnel;
  const first = steps[0]?.reached ?? 0;
  const last = steps.at(-1)?.reached ?? 0;
  const today = formatLongDate(d.computedOn);
  const exits = exitsText(d);
  const overall =
    first > 0 ? `${formatPercent(last / first)} des professionnels identifiés sont devenus MSU actifs. ` : '';
  return {
    funnel: `Situation au ${today}. ${overall}${exits ? `Sorties du parcours : ${exits}.` : ''}`.trim(),
    places:
      `${GAP_KIND_LABELS[gapKind(d.places.gap)]} : ${formatGap(d.places.gap)} · ${d.places.label}, semestre à venir, ` +
      `à l’échelle du département (la demande y est saisie). Hors docteurs juniors, comptés à part.`,
    visits:
      d.visits.doneRate === null
        ? 'Aucune visite prévue sur la période.'
        : `Taux de réalisation : ${formatPercent(d.visits.doneRate)} des visites prévues sur la période.`,
    issuesByCategory: `${plural(d.accessIssues.open, 'ouverte', 'ouvertes')} aujourd’hui · ${plural(d.accessIssues.openAtEnd, 'ouverte', 'ouvertes')} au ${formatLongDate(d.period.to)}.`,
    issuesTrend: `${plural(d.accessIssues.raised, 'difficulté signalée', 'difficultés signalées')} sur la période, mois par mois.`,
    referrals: `${plural(d.referrals.total, 'signalement reçu', 'signalements reçus')} sur la période, selon la suite donnée.`,
    intents: `Projets suivis au ${today}, quelle que soit la période · ${plural(countOf(d.intents.byStatus, 'settled'), 'installé', 'installés')}.`,
  };
}

/** What a chart with nothing to draw says instead. */
export const EMPTY_TEXTS: Readonly<Record<keyof ReturnType<typeof cardCaptions>, string>> = {
  funnel: 'Aucun professionnel suivi sur ce territoire.',
  places: 'Aucune place offerte ni demandée pour ce semestre.',
  visits: 'Aucune visite prévue ni réalisée sur la période.',
  issuesByCategory: 'Aucune difficulté d’accès ouverte ni signalée.',
  issuesTrend: 'Aucune difficulté d’accès signalée sur la période.',
  referrals: 'Aucun signalement du CDOM reçu sur la période.',
  intents: 'Aucun projet d’installation suivi sur ce territoire.',
};

/** Charts with nothing to draw show a sentence instead. */
export function emptyCharts(d: Dashboard): Record<keyof ReturnType<typeof cardCaptions>, boolean> {
  return {
    funnel: d.pipeline.funnel.every((s) => s.reached === 0),
    places: d.places.offered === 0 && d.places.requested === 0,
    visits: d.visits.planned === 0 && d.visits.done === 0 && d.visits.cancelled === 0,
    issuesByCategory: d.accessIssues.byCategory.every((c) => c.open === 0 && c.raised === 0),
    issuesTrend: d.accessIssues.trend.every((m) => m.raised === 0),
    referrals: d.referrals.total === 0,
    intents: d.intents.total === 0,
  };
}
