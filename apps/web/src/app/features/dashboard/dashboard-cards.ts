import type { Dashboard } from '@maillage/shared/domain';
import {
  type DashboardChartOption,
  funnelChart,
  intentsChart,
  issuesByCategoryChart,
  issuesTrendChart,
  placesChart,
  referralsChart,
  visitsChart,
} from './dashboard-charts';
import { cardCaptions, EMPTY_TEXTS, emptyCharts } from './dashboard-figures';
import {
  type FigureTable,
  funnelTable,
  intentsTable,
  issuesByCategoryTable,
  issuesTrendTable,
  placesTable,
  referralsTable,
  visitsTable,
} from './dashboard-tables';

type CardKey = keyof ReturnType<typeof cardCaptions>;

/** How each card draws its chart and its table from the figures. */
const DRAWN: Readonly<
  Record<CardKey, { chart: (d: Dashboard) => DashboardChartOption; table: (d: Dashboard) => FigureTable }>
> = {
  funnel: { chart: funnelChart, table: funnelTable },
  places: { chart: placesChart, table: placesTable },
  visits: { chart: visitsChart, table: visitsTable },
  issuesByCategory: { chart: issuesByCategoryChart, table: issuesByCategoryTable },
  issuesTrend: { chart: issuesTrendChart, table: issuesTrendTable },
  referrals: { chart: referralsChart, table: referralsTable },
  intents: { chart: intentsChart, table: intentsTable },
};

/** One chart card: its title and its height (`tall`: spans two rows, the funnel). */
interface CardSpec {
  key: CardKey;
  heading: string;
  height: number;
  tall?: boolean;
}

/** The chart cards, by group, in the order of the page. */
const GROUPS: readonly { id: string; title: string; offer?: boolean; cards: readonly CardSpec[] }[] = [
  {
    id: 'group-offer',
    title: 'Maîtres de stage et places',
    offer: true,
    cards: [
      { key: 'funnel', heading: 'Parcours des maîtres de stage', height: 480, tall: true },
      { key: 'places', heading: 'Places offertes et demandées', height: 200 },
      { key: 'visits', heading: 'Visites de terrain', height: 200 },
    ],
  },
  {
    id: 'group-issues',
    title: 'Difficultés d’accès aux stages',
    cards: [
      { key: 'issuesByCategory', heading: 'Par catégorie', height: 360 },
      { key: 'issuesTrend', heading: 'Signalées chaque mois', height: 360 },
    ],
  },
  {
    id: 'group-referrals',
    title: 'Signalements et projets d’installation',
    cards: [
      { key: 'referrals', heading: 'Signalements du CDOM', height: 280 },
      { key: 'intents', heading: 'Projets d’installation', height: 280 },
    ],
  },
];

/** What a chart card shows. */
export interface ChartCardView {
  key: CardKey;
  heading: string;
  height: number;
  tall: boolean;
  options: DashboardChartOption;
  table: FigureTable;
  caption: string;
  empty: boolean;
  emptyText: string;
}

export interface ChartGroupView {
  id: string;
  title: string;
  offer: boolean;
  cards: ChartCardView[];
}

/** The chart cards of the dashboard, by group, drawn from its figures. */
export function chartGroups(d: Dashboard): ChartGroupView[] {
  const captions = cardCaptions(d);
  const empty = emptyCharts(d);
  return GROUPS.map((group) => ({
    id: group.id,
    title: group.title,
    offer: group.offer ?? false,
    cards: group.cards.map((card) => ({
      key: card.key,
      heading: card.heading,
      height: card.height,
      tall: card.tall ?? false,
      options: DRAWN[card.key].chart(d),
      table: DRAWN[card.key].table(d),
      caption: captions[card.key],
      empty: empty[card.key],
      emptyText: EMPTY_TEXTS[card.key],
    })),
  }));
}
