import type { SiteKind, SiteStatus, StageType, Zonage } from '@maillage/shared/domain';

import type { Commune } from '../territory/entities/commune.entity';
import { addDays, type DemoRandom, maxDate, newId, siretFactory } from './demo-kit';
import { SITE_THEMES, STREET_KINDS, STREET_NAMES } from './demo-names';

export type Area = 'west' | 'centre' | 'east';

export interface DemoCommune {
  code: string;
  name: string;
  population: number;
  postalCode: string;
  zonage: Zonage | null;
  area: Area;
  /** Rough distance to the Paris / Créteil CHUs, growing eastwards. */
  chuKm: number;
}

export interface SiteDraft {
  id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  commune: DemoCommune;
  addressLine1: string;
  addressLine2: string | null;
  siret: string | null;
  housingOnSite: boolean;
  housingNearby: boolean;
  publicTransport: boolean;
  parking: boolean;
  distanceToChuKm: number;
  createdOn: string;
  capacities: Map<StageType, number>;
  notes: string | null;
}

export const SITE_COUNT = 120;

/** Intercommunalities of the 77, west (petite couronne side) to east (Champagne side). */
const EPCI_77: Readonly<Record<string, [Area, number]>> = {
  '200057958': ['west', 18], // Paris - Vallée de la Marne
  '247700644': ['west', 22], // L'Orée de la Brie
  '247700594': ['west', 25], // Marne et Gondoire
  '200055655': ['west', 26], // Roissy Pays de France
  '200023125': ['west', 28], // Les Portes Briardes
  '200059228': ['west', 29], // Grand Paris Sud (Sénart)
  '247700339': ['west', 33], // Val d'Europe
  '200033090': ['centre', 36], // Plaines et Monts de France
  '200070779': ['centre', 38], // Brie des Rivières et Châteaux
  '247700057': ['centre', 42], // Melun Val de Seine
  '200072130': ['centre', 44], // Pays de Meaux
  '200072874': ['centre', 45], // Val Briard
  '200072346': ['centre', 56], // Pays de Fontainebleau
  '247700032': ['centre', 63], // Moret Seine et Loing
  '200090504': ['east', 60], // Coulommiers Pays de Brie
  '247700701': ['east', 62], // Brie Nangissienne
  '247700065': ['east', 64], // Pays de l'Ourcq
  '247700107': ['east', 74], // Pays de Montereau
  '200023240': ['east', 75], // Pays de Nemours
  '200072544': ['east', 76], // Les Deux Morin
  '200037133': ['east', 82], // Provinois
  '200040251': ['east', 85], // Bassée-Montois
  '200023919': ['east', 86], // Gâtinais Val de Loing
};

/** Towns with a PMI centre hosting SAFE interns, departmental health centres, rural bourgs the story must show. */
const PMI_TOWNS = ['77284', '77288', '77108', '77373', '77305', '77379', '77131', '77333'];
const MSD_TOWNS = ['77182', '77051', '77458', '77257'];
const RURAL_ANCHORS = [
  ...['77379', '77333', '77131', '77305', '77327', '77159', '77099', '77385', '77239', '77168'],
  ...['77393', '77317', '77183', '77261', '77142', '77316', '77186', '77311', '77260', '77238'],
];

const UNDERSERVED: readonly Zonage[] = ['ZIP', 'ZAC', 'QPV_ZIP', 'QPV_ZAC'];

export function isUnderserved(c: DemoCommune): boolean {
  return c.zonage === null ? c.area !== 'west' : UNDERSERVED.includes(c.zonage);
}

export function describeCommunes(rows: readonly Commune[], zonages: ReadonlyMap<string, Zonage>): DemoCommune[] {
  return rows.map((c) => {
    const population = c.population ?? 0;
    const [area, chuKm] = EPCI_77[c.epciSiren ?? ''] ?? [population > 20_000 ? 'west' : 'east', 45];
    return {
      code: c.code,
      name: c.name,
      population,
      postalCode: c.postalCodes[0] ?? `${c.departementCode.padEnd(2, '0')}000`,
      zonage: zonages.get(c.code) ?? null,
      area,
      chuKm,
    };
  });
}

/** Which communes host the ~120 sites, and of which kind when the story imposes it. */
function placeSites(random: DemoRandom, communes: readonly DemoCommune[]): { commune: DemoCommune; kind?: SiteKind }[] {
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const present = (codes: readonly string[]) => codes.map((code) => byCode.get(code)).filter((c) => c !== undefined);
  const biggest = [...communes].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
  const pmi = present(PMI_TOWNS);
  for (const c of biggest) if (pmi.length < 8 && !pmi.includes(c)) pmi.push(c);
  const msd = present(MSD_TOWNS);
  if (msd.length === 0) msd.push(...biggest.slice(30, 34));
  const slots: { commune: DemoCommune; kind?: SiteKind }[] = [
    ...pmi.map((commune) => ({ commune, kind: 'pmi' as const })),
    ...msd.map((commune) => ({ commune, kind: 'maison_sante_departementale' as const })),
    ...present(RURAL_ANCHORS).map((commune) => ({ commune })),
  ];
  const count = new Map<string, number>();
  slots.forEach((s) => count.set(s.commune.code, (count.get(s.commune.code) ?? 0) + 1));
  const pool = communes.filter((c) => c.population >= 1_200);
  const cap = (c: DemoCommune) => Math.min(5, Math.max(1, Math.round(c.population / 12_000)));
  for (let attempt = 0; slots.length < SITE_COUNT && pool.length > 0; attempt++) {
    const commune = random.weighted(pool, (c) => c.population ** 0.6);
    if ((count.get(commune.code) ?? 0) >= cap(commune) && attempt < 5_000) continue;
    count.set(commune.code, (count.get(commune.code) ?? 0) + 1);
    slots.push({ commune });
  }
  return slots.slice(0, SITE_COUNT);
}

function kindFor(random: DemoRandom, c: DemoCommune): SiteKind {
  const r = random.float();
  if (c.population >= 20_000) {
    return r < 0.3 ? 'centre_sante' : r < 0.68 ? 'cabinet_groupe' : r < 0.88 ? 'msp' : 'cabinet_individuel';
  }
  if (c.population >= 5_000)
    return r < 0.38 ? 'msp' : r < 0.7 ? 'cabinet_groupe' : r < 0.8 ? 'centre_sante' : 'cabinet_individuel';
  return r < 0.5 ? 'msp' : r < 0.72 ? 'cabinet_groupe' : 'cabinet_individuel';
}

function nameFor(random: DemoRandom, kind: SiteKind, c: DemoCommune, street: string, used: Set<string>): string {
  const theme = () => random.pick(SITE_THEMES).replace(/^les /, 'Les ');
  const candidate = (): string => {
    switch (kind) {
      case 'pmi':
        return `Centre de PMI de ${c.name}`;
      case 'maison_sante_departementale':
        return `Maison de santé départementale de ${c.name}`;
      case 'centre_sante':
        return random.chance(0.4) ? `Centre municipal de santé de ${c.name}` : `Centre de santé ${theme()}`;
      case 'msp':
        return random.chance(0.25)
          ? `Maison de santé pluriprofessionnelle de ${c.name}`
          : `${random.pick(['MSP', 'Pôle de santé'])} ${theme()}`;
      case 'cabinet_individuel':
        return /^de [A-Z]/.test(street) ? `Cabinet médical ${theme()}` : `Cabinet médical ${street}`;
      default:
        return `Cabinet médical ${theme()}`;
    }
  };
  let name = candidate();
  for (let i = 0; i < 8 && used.has(name); i++) name = candidate();
  if (used.has(name)) name = `${name} (${c.name})`;
  for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
  used.add(name);
  return name;
}

/** Statuses: mostly active, ~16 prospects (rather in the east), a few suspended or closed. */
function assignStatuses(random: DemoRandom, drafts: { kind: SiteKind; commune: DemoCommune }[]): SiteStatus[] {
  const statuses: SiteStatus[] = drafts.map(() => 'active');
  const order = random.shuffle(drafts.map((_, i) => i));
  const take = (n: number, status: SiteStatus, fits: (i: number) => boolean) => {
    for (const i of order) {
      if (n === 0) return;
      if (statuses[i] === 'active' && fits(i)) {
        statuses[i] = status;
        n--;
      }
    }
  };
  const kindOf = (i: number) => drafts[i].kind;
  take(2, 'closed', (i) => kindOf(i) === 'cabinet_individuel');
  take(4, 'suspended', (i) => ['cabinet_groupe', 'msp', 'cabinet_individuel'].includes(kindOf(i)));
  take(1, 'prospect', (i) => kindOf(i) === 'maison_sante_departementale');
  take(9, 'prospect', (i) => kindOf(i) !== 'pmi' && drafts[i].commune.area === 'east');
  take(6, 'prospect', (i) => kindOf(i) !== 'pmi' && kindOf(i) !== 'maison_sante_departementale');
  return statuses;
}

const HOSTING: Readonly<Record<Area, { nearby: number; transport: number; parking: number }>> = {
  west: { nearby: 0.55, transport: 0.9, parking: 0.45 },
  centre: { nearby: 0.35, transport: 0.55, parking: 0.7 },
  east: { nearby: 0.15, transport: 0.2, parking: 0.9 },
};

export function planSites(
  random: DemoRandom,
  communes: readonly DemoCommune[],
  today: string,
  importOn: string,
): SiteDraft[] {
  const nextSiret = siretFactory(random);
  const used = new Set<string>();
  const placed = placeSites(random, communes).map((s) => ({
    commune: s.commune,
    kind: s.kind ?? kindFor(random, s.commune),
  }));
  const statuses = assignStatuses(random, placed);
  return placed.map(({ commune, kind }, i) => {
    const status = statuses[i];
    const odds = HOSTING[commune.area];
    const transport = commune.population >= 10_000 ? Math.max(odds.transport, 0.75) : odds.transport;
    const salaried = kind === 'centre_sante' || kind === 'pmi';
    const street = random.pick(STREET_NAMES);
    return {
      id: newId(),
      name: nameFor(random, kind, commune, street, used),
      kind,
      status,
      commune,
      addressLine1: `${random.int(1, 98)} ${random.pick(STREET_KINDS)} ${street}`,
      addressLine2:
        salaried && random.chance(0.35) ? random.pick(['Bâtiment B', '1er étage', 'Rez-de-chaussée']) : null,
      siret: random.chance(status === 'prospect' ? 0.5 : 0.95) ? nextSiret() : null,
      housingOnSite: random.chance(
        kind === 'maison_sante_departementale' ? 0.5 : commune.area === 'east' ? 0.06 : 0.03,
      ),
      housingNearby: random.chance(odds.nearby),
      publicTransport: random.chance(transport),
      parking: random.chance(odds.parking),
      distanceToChuKm: Math.min(90, Math.max(10, Math.round((commune.chuKm + random.float() * 10 - 5) * 10) / 10)),
      createdOn:
        status === 'prospect'
          ? maxDate(importOn, addDays(today, -random.int(20, 300)))
          : addDays(importOn, random.int(0, 60)),
      capacities: new Map(),
      notes: null,
    };
  });
}

/**
 * Places per stage type from the site and the specialties of its supervisors; returns whether the
 * site only hosts externes (its single MSU then holds a 2nd-cycle accreditation).
 */
export function planCapacities(
  random: DemoRandom,
  site: SiteDraft,
  specialties: readonly string[],
): { extOnly: boolean } {
  const caps = site.capacities;
  const gps = specialties.filter((s) => s === 'Médecine générale').length;
  if (site.status === 'prospect' || site.status === 'closed') return { extOnly: false };
  if (site.kind === 'pmi') {
    caps.set('SAFE', random.int(1, 2));
    if (specialties.includes('Pédiatrie')) caps.set('LIBRE', 1);
    return { extOnly: false };
  }
  if (specialties.length > gps) caps.set('LIBRE', 1);
  if (gps === 0) return { extOnly: false };
  if (gps === 1 && site.kind !== 'maison_sante_departementale' && random.chance(0.2)) {
    caps.set('EXT_MG', random.int(1, 2));
    return { extOnly: true };
  }
  caps.set('N1', gps === 1 ? 1 : random.int(1, 2));
  const big = ['msp', 'centre_sante', 'cabinet_groupe', 'maison_sante_departementale'].includes(site.kind);
  if (gps >= 2 && big && random.chance(0.6)) caps.set('SASPAS', 1);
  if ((site.kind === 'msp' || site.kind === 'centre_sante') && random.chance(0.3)) caps.set('SAFE', 1);
  if (gps >= 2 && random.chance(0.3)) caps.set('EXT_MG', random.int(1, 2));
  return { extOnly: false };
}

/** About twenty active sites in ZIP/ZAC communes open a docteur junior place from winter 2026. */
export function pickDoctorJuniorSites(random: DemoRandom, sites: readonly SiteDraft[], count = 20): void {
  const rank = (s: SiteDraft) => (['msp', 'maison_sante_departementale', 'centre_sante'].includes(s.kind) ? 0 : 1);
  const eligible = random
    .shuffle(sites.filter((s) => s.status === 'active' && s.capacities.has('N1') && isUnderserved(s.commune)))
    .sort((a, b) => rank(a) - rank(b));
  eligible.slice(0, count).forEach((s) => s.capacities.set('DJ_MG', 1));
}

/** Neutral French notes about the site (never anything about patients). */
export function siteNotes(random: DemoRandom, site: SiteDraft): string | null {
  switch (site.status) {
    case 'prospect':
      return random.pick([
        'Premier contact pris par la chargée de mission ; projet d’accueil d’internes à l’étude.',
        'Locaux en cours d’aménagement : un bureau dédié à l’interne est prévu.',
        'Un praticien suit la formation initiale MSU ; visite du site à programmer.',
      ]);
    case 'suspended':
      return random.pick([
        'Accueil suspendu ce semestre : départ d’un maître de stage, recherche d’un remplaçant.',
        'Travaux dans les locaux : reprise de l’accueil prévue au prochain semestre.',
      ]);
    case 'closed':
      return 'Cabinet fermé après le départ en retraite du praticien.';
  }
  if (site.capacities.has('DJ_MG'))
    return 'Candidat à l’accueil de docteurs juniors dès le semestre d’hiver 2026 (2026-W).';
  if (!site.housingNearby && !site.housingOnSite && site.commune.area === 'east') {
    return 'Pas de logement à proximité : les internes sont orientés vers l’aide au logement du Département.';
  }
  return random.chance(0.25) ? 'Bureau dédié à l’interne, équipé d’un poste informatique.' : null;
}
