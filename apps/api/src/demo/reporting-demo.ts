import {
  type AnnualReportFigures,
  type MeetingAttendee,
  type OfferKeyFigure,
  type ReportSection,
} from '@maillage/shared/domain';
import type { EntityManager } from 'typeorm';

import { Clock } from '../common/clock/clock';
import { frenchDate } from '../common/pdf/french-format';
import type { AuditActor } from '../common/persistence/scoped-records';
import { User } from '../users/user.entity';
import { addDays, at, DemoRandom, maxDate, minDate, weekday, weekdayBefore } from './demo-kit';
import {
  applyChanges,
  type Changes,
  dateChange,
  pickChanges,
  recordPastDemand,
  servicesOn,
} from './reporting-demo-changes';

export interface ReportingDemoReport {
  approvedReportYear: number;
  draftReportYear: number;
  snapshots: number;
  meetings: number;
  actionTasks: number;
}

const figure = (figures: AnnualReportFigures, key: string): number =>
  figures.tables.find((t) => t.key === 'key_figures')?.rows.find((r) => r.key === key)?.values[0] ?? 0;

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;

/** The approved report of the past year: the narrative refers to its own computed figures. */
function pastYearSections(year: number, departement: string, figures: AnnualReportFigures) {
  const visits = figure(figures, 'visits_done');
  const accredited = figure(figures, 'sites_accredited');
  const msus = figure(figures, 'msus_accredited');
  const raised = figure(figures, 'issues_raised');
  const resolved = figure(figures, 'issues_resolved');
  const sections: Record<ReportSection, string> = {
    introduction:
      `L’année ${year} a vu se consolider le partenariat engagé par le Département de ${departement} avec le ` +
      'Conseil départemental de l’Ordre des médecins (CDOM 77), l’ARS Île-de-France, le département de médecine ' +
      'générale de la faculté de santé de l’Université Paris-Est Créteil et l’URPS médecins libéraux. Son objectif ' +
      'reste inchangé : faire de la Seine-et-Marne une terre d’accueil pour les internes et les étudiants, afin ' +
      'qu’une part croissante d’entre eux choisisse de s’y installer.\n\n' +
      `Au cours de l’année, la chargée de mission a réalisé ${plural(visits, 'visite de terrain', 'visites de terrain')} ; ` +
      `${plural(accredited, 'terrain a été agréé', 'terrains ont été agréés')} et ` +
      `${plural(msus, 'maître de stage a reçu son agrément', 'maîtres de stage ont reçu leur agrément')}. ` +
      `${plural(raised, 'difficulté d’accès a été signalée', 'difficultés d’accès ont été signalées')}, dont ` +
      `${resolved === 0 ? 'aucune n’était résolue' : plural(resolved, 'résolue', 'résolues')} au 31 décembre.\n\n` +
      'Le suivi de terrain dans Maillage (visites, difficultés d’accès) n’a commencé qu’à la fin de l’année : ' +
      'ses chiffres ne couvrent que les dernières semaines. Les agréments, le parcours des maîtres de stage, les ' +
      'signalements du CDOM et les places offertes reprennent en revanche toute l’année. Les tableaux de la ' +
      'deuxième partie détaillent ces chiffres, calculés à partir des données et figés à l’approbation du rapport.',
    msu_promotion:
      'La promotion de la maîtrise de stage universitaire s’est appuyée sur trois leviers : des soirées ' +
      'd’information organisées avec le CDOM 77 dans les trois arrondissements les moins dotés, des rencontres ' +
      'individuelles avec les médecins repérés par l’Ordre, et l’accompagnement administratif des candidats ' +
      'jusqu’à la formation initiale des maîtres de stage.\n\n' +
      'Le parcours de recrutement reste long : entre le premier contact et l’accueil du premier interne, il faut ' +
      'compter en moyenne plus d’un an. Le suivi étape par étape mis en place cette année permet désormais de ' +
      'relancer les médecins au bon moment et de mesurer les déperditions.',
    access_difficulties:
      'Les difficultés d’accès aux terrains de stage restent le premier frein à l’attractivité du territoire. ' +
      'Le logement et les transports concentrent l’essentiel des signalements, en particulier dans l’est et le ' +
      'sud du département, où l’absence de véhicule rend certains cabinets difficilement accessibles.\n\n' +
      'Chaque signalement fait l’objet d’un suivi nominatif, terrain par terrain, et les situations les plus ' +
      'sensibles sont examinées en comité de suivi. Les solutions trouvées localement (chambres mises à ' +
      'disposition par les communes, covoiturage entre internes) sont recensées pour être étendues.',
    measures:
      'Le Département a poursuivi ses dispositifs de soutien : aide au logement des internes en zone ' +
      'd’intervention prioritaire, indemnité de transport, prise en charge de la formation des maîtres de stage ' +
      'et soutien à l’équipement des cabinets accueillant des étudiants. Les budgets prévus et engagés figurent ' +
      'dans le tableau des dispositifs.\n\n' +
      'Les crédits engagés ont été concentrés sur les communes classées en zone d’intervention prioritaire, ' +
      'conformément aux orientations fixées par le comité stratégique.',
    territory_promotion:
      'La Seine-et-Marne a été présentée aux internes lors des journées de choix de stage organisées par la ' +
      'faculté, avec un livret d’accueil recensant les terrains, les solutions de logement et les contacts ' +
      'utiles. Une journée d’accueil des nouveaux internes a réuni maîtres de stage, élus et partenaires à ' +
      'Melun au début de chaque semestre.',
    outlook:
      `Pour ${year + 1}, le comité stratégique propose de concentrer l’effort sur trois priorités : augmenter ` +
      'le nombre de places offertes en zone d’intervention prioritaire, réduire le délai de traitement des ' +
      'difficultés d’accès, et accompagner vers l’installation les internes ayant exprimé une intention de ' +
      'rester dans le département.',
  };
  return sections;
}

const CURRENT_YEAR_SECTIONS = (year: number): Partial<Record<ReportSection, string>> => ({
  introduction:
    `Ce rapport d’activité ${year} est en cours de rédaction. Il rendra compte de la deuxième année pleine du ` +
    'partenariat entre le Département, le CDOM 77, l’ARS Île-de-France, la faculté et l’URPS, et de la mise en ' +
    'œuvre des priorités fixées par le comité stratégique.',
  msu_promotion:
    'Les soirées d’information sur la maîtrise de stage ont été reconduites avec le CDOM 77. Un premier bilan ' +
    'montre un intérêt marqué des jeunes médecins installés depuis moins de cinq ans.',
  access_difficulties:
    'À compléter après le prochain comité de suivi : point sur les difficultés de logement dans l’est du ' +
    'département et sur l’expérimentation de covoiturage entre internes.',
});

/** The reporting people of the committees: the partners of the Seine-et-Marne scheme. */
const ATTENDEES: readonly MeetingAttendee[] = [
  {
    name: 'Julien Lefèvre',
    organisation: 'departement',
    title: 'Directeur de l’autonomie et de la santé',
    present: true,
  },
  {
    name: 'Camille Martin',
    organisation: 'departement',
    title: 'Chargée de mission démographie médicale',
    present: true,
  },
  { name: 'Dr Hélène Garnier', organisation: 'cdom', title: 'Présidente du CDOM 77', present: true },
  { name: 'Marc Aubert', organisation: 'ars', title: 'Délégation départementale 77, ARS Île-de-France', present: true },
  { name: 'Pr Claire Dumont', organisation: 'faculte', title: 'Département de médecine générale (DMG)', present: true },
  { name: 'Dr Thomas Roussel', organisation: 'autre', title: 'URPS médecins libéraux Île-de-France', present: false },
  { name: 'Nadia Benali', organisation: 'cpam', title: 'CPAM de Seine-et-Marne', present: true },
];

const STRATEGIC_ATTENDEES: readonly MeetingAttendee[] = [
  { name: 'Anne Lemoine', organisation: 'elu', title: 'Vice-présidente chargée de la santé', present: true },
  ...ATTENDEES.filter((a) => a.organisation !== 'cpam'),
];

function progressText(difference: number, one: string, many: string): string {
  if (difference === 0) return `autant de ${many}`;
  return `${plural(Math.abs(difference), one, many)} de ${difference > 0 ? 'plus' : 'moins'}`;
}

/** « Hiver 2026-2027 » → « d’hiver 2026-2027 », « Été 2027 » → « d’été 2027 ». */
const semesterName = (label: string): string => `d’${label.charAt(0).toLowerCase()}${label.slice(1)}`;

/** What the previous committee decided: the changes that the period then brought. */
function previousDecisions(changes: Changes): { text: string }[] {
  const decisions: { text: string }[] = [];
  if (changes.prospects.length > 0) {
    const names = changes.prospects.map((p) => `${p.name} (${p.communeName})`).join(' et ');
    decisions.push({ text: `Accompagner jusqu’à l’agrément les dossiers les plus avancés : ${names}.` });
  }
  if (changes.capacity) {
    decisions.push({
      text: `Étudier avec ${changes.capacity.name} (${changes.capacity.communeName}) l’ouverture d’une deuxième place de niveau 1.`,
    });
  }
  if (changes.issues.length > 0) {
    const sites = [...new Set(changes.issues.map((i) => i.siteName))].join(', ');
    decisions.push({ text: `Traiter avant le prochain comité les difficultés d’accès les plus anciennes (${sites}).` });
  }
  return decisions;
}

/**
 * The reporting story on top of the field-work demo (run `seedFieldworkDemo` first): the past
 * year's annual report, presented then approved at the strategic committee (its figures computed
 * by the real service and frozen), the current year's draft, two offer snapshots and four
 * committee meetings (a follow-up committee held about two months ago with the first snapshot,
 * the one held today with the second and two action items, the strategic committee that
 * approved the report, the next follow-up committee).
 *
 * A snapshot counts sites, MSUs and open issues as they are when it is taken: the first one is
 * taken (its clock stopped on that day) before the period's changes, which are then made through
 * the services, each dated on its day (two prospect sites activated once their MSU's
 * accreditation is granted, an MSU hosting their first intern, one more N1 place, three access
 * issues resolved); the second is taken today, its progress measured against the first. `clock`
 * must tell `today` (the services date the snapshot and stamp the figures with it).
 */
export async function seedReportingDemo(
  manager: EntityManager,
  departementCode: string,
  users: { missionOfficerId: string; cdomId: string },
  today: string,
  clock: Clock = new Clock(),
): Promise<ReportingDemoReport> {
  const random = new DemoRandom([...`rp${departementCode}`].reduce((h, c) => h * 31 + c.charCodeAt(0), 7_703));
  const services = servicesOn(manager, clock);
  const { reports, snapshots, committees } = services;
  const officer = await manager.getRepository(User).findOneByOrFail({ id: users.missionOfficerId });
  const actor: AuditActor = {
    id: officer.id,
    role: officer.role,
    departementCode,
    email: officer.email,
  };
  const departement: { name: string }[] = await manager.query('SELECT name FROM departements WHERE code = $1', [
    departementCode,
  ]);
  const departementName = departement[0]?.name ?? departementCode;
  const year = Number(today.slice(0, 4));

  // The past year's report, presented and approved at the strategic committee in March.
  const presentedOn = weekdayBefore(
    minDate(`${year}-03-${String(random.int(10, 20)).padStart(2, '0')}`, addDays(today, -30)),
  );
  const draft = await reports.create(actor, { year: year - 1 });
  const pastSections = pastYearSections(year - 1, departementName, draft.figures);
  const written = await reports.update(actor, draft.id, { version: draft.version, sections: pastSections });
  const presented = await reports.present(actor, draft.id, { version: written.version, presentedOn });
  const approved = await reports.approve(actor, draft.id, { version: presented.version, approvedOn: presentedOn });

  // The current year's draft, three sections written.
  await reports.create(actor, { year, sections: CURRENT_YEAR_SECTIONS(year) });

  const strategic = await committees.create(actor, {
    kind: 'strategic',
    status: 'held',
    heldOn: presentedOn,
    title: `Comité stratégique – bilan ${year - 1}`,
    location: 'Hôtel du Département, Melun',
    attendees: STRATEGIC_ATTENDEES.map((a) => ({ ...a })),
    agenda:
      `1. Présentation du rapport d’activité ${year - 1}\n2. Orientations pour ${year}\n` +
      '3. Budget des dispositifs de soutien',
    minutes:
      `La chargée de mission présente le rapport d’activité ${year - 1}. Les partenaires saluent la progression ` +
      'du nombre de maîtres de stage et soulignent la persistance des difficultés de logement dans l’est du ' +
      'département.\n\nLa vice-présidente rappelle l’engagement du Département à maintenir l’enveloppe des ' +
      'dispositifs de soutien.',
    decisions: [
      { text: `Le rapport d’activité ${year - 1} est approuvé à l’unanimité ; ses chiffres sont figés.` },
      { text: `Priorité ${year} : augmenter les places offertes en zone d’intervention prioritaire.` },
    ],
    annualReportId: approved.id,
  });
  await dateChange(manager, 'committee_meetings', strategic.id, at(weekday(addDays(presentedOn, 1)), random));

  // The previous follow-up committee, about two months ago, with the snapshot taken that day;
  // its decisions are the changes of the period.
  const firstOn = weekdayBefore(maxDate(addDays(today, -random.int(56, 63)), addDays(presentedOn, 7)));
  const changes = await pickChanges(manager, random, departementCode, firstOn, today);
  await recordPastDemand(manager, services, actor, random, departementCode, firstOn, today);
  const first = await services.snapshotsOn(firstOn).take(actor, {
    title: 'État de l’offre de stage – comité de suivi',
    note: 'Relevé présenté au comité de suivi : places offertes par semestre et par zone, terrains à surveiller.',
  });
  await dateChange(manager, 'offer_snapshots', first.id, new Date(`${firstOn}T08:30:00Z`));
  const previous = await committees.create(actor, {
    kind: 'follow_up',
    status: 'held',
    heldOn: firstOn,
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    attendees: ATTENDEES.map((a) => ({ ...a, present: a.organisation !== 'faculte' })),
    agenda:
      '1. État de l’offre de stage pour les deux prochains semestres\n2. Terrains en projet et dossiers ' +
      'd’agrément en cours\n3. Terrains à surveiller et difficultés d’accès ouvertes\n4. Questions diverses',
    minutes:
      'Le relevé de l’offre de stage est présenté. Plusieurs terrains en projet n’attendent plus que ' +
      'l’agrément de leur maître de stage pour accueillir des internes.\n\nLes partenaires examinent les ' +
      'difficultés d’accès les plus anciennes et demandent qu’elles soient traitées avant le prochain comité.',
    decisions: previousDecisions(changes),
    snapshotId: first.id,
  });
  // Its record written up the next working day.
  await dateChange(manager, 'committee_meetings', previous.id, at(weekday(addDays(firstOn, 1)), random));

  await applyChanges(manager, services, actor, random, changes, firstOn, today);

  // The follow-up committee held today (the Friday before on a weekend: committees sit on working
  // days), with the snapshot of the offer taken for it that day.
  const meetingOn = weekdayBefore(today);
  const snapshot = await (meetingOn === today ? snapshots : services.snapshotsOn(meetingOn)).take(actor, {
    title: 'État de l’offre de stage – comité de suivi',
    note: 'Relevé présenté au comité de suivi : places offertes par semestre et par zone, terrains à surveiller.',
  });
  const progress = (key: OfferKeyFigure) =>
    snapshot.figures.progress?.figures.find((f) => f.key === key)?.difference ?? 0;
  // Places are compared on the latest semester both snapshots count ("next" may differ between them).
  const common = [...snapshot.figures.semesters]
    .reverse()
    .find((s) => first.figures.semesters.some((f) => f.semester === s.semester));
  const placesChange = common
    ? `${progressText(
        common.totals.offered -
          (first.figures.semesters.find((f) => f.semester === common.semester)?.totals.offered ?? 0),
        'place offerte',
        'places offertes',
      )} pour le semestre ${semesterName(common.label)}, `
    : '';
  const followUp = await committees.create(actor, {
    kind: 'follow_up',
    status: 'held',
    heldOn: meetingOn,
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    attendees: ATTENDEES.map((a) => ({ ...a })),
    agenda:
      '1. État de l’offre de stage pour les deux prochains semestres\n2. Terrains à surveiller et difficultés ' +
      'd’accès ouvertes\n3. Point sur le recrutement des maîtres de stage\n4. Questions diverses',
    minutes:
      `Le relevé de l’offre de stage est présenté et comparé à celui du comité du ${frenchDate(firstOn)} : ` +
      `${progressText(progress('sitesActive'), 'terrain actif', 'terrains actifs')}, ` +
      placesChange +
      `${plural(changes.issues.length, 'difficulté d’accès résolue', 'difficultés d’accès résolues')}. ` +
      'L’écart entre places demandées et places offertes reste ' +
      'marqué en zone d’intervention prioritaire. Le CDOM 77 signale plusieurs médecins intéressés par la ' +
      'maîtrise de stage dans le Provinois.\n\nLes partenaires examinent les terrains à surveiller : les ' +
      'difficultés de logement restent les plus nombreuses. L’ARS propose d’associer les communes concernées.',
    decisions: [
      { text: 'Organiser une réunion avec les maires des communes où le logement des internes fait défaut.' },
      { text: 'Relancer les médecins signalés par le CDOM 77 avant la prochaine commission d’agrément.' },
    ],
    snapshotId: snapshot.id,
  });
  await committees.addActions(actor, followUp.id, {
    items: [
      {
        title: 'Organiser la réunion avec les maires sur le logement des internes',
        ownerId: officer.id,
        dueOn: addDays(today, 21),
      },
      {
        title: 'Transmettre la liste des médecins intéressés par la maîtrise de stage',
        ownerLabel: 'CDOM 77',
        dueOn: addDays(today, 14),
      },
    ],
  });

  await committees.create(actor, {
    kind: 'follow_up',
    status: 'planned',
    heldOn: maxDate(addDays(today, 7), addDays(today, 91 - random.int(0, 6))),
    title: 'Comité de suivi de l’offre de stage',
    location: 'Hôtel du Département, Melun',
    agenda:
      '1. Suivi des actions du comité précédent\n2. État de l’offre de stage du prochain semestre\n' +
      `3. Avancement du rapport d’activité ${year}`,
  });

  return {
    approvedReportYear: approved.year,
    draftReportYear: year,
    snapshots: [first, snapshot].length,
    meetings: [strategic, previous, followUp].length + 1,
    actionTasks: 2,
  };
}
