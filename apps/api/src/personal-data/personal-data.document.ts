import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_TYPE_LABELS,
  CIVILITY_LABELS,
  INTENT_STATUS_LABELS,
  MSU_STAGE_LABELS,
  type PersonalDataExport,
  PRACTICE_MODE_LABELS,
  professionalDisplayName,
  REFERRAL_STATUS_LABELS,
} from '@maillage/shared/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDate, frenchDateTime } from '../common/pdf/french-format';
import { sectionTitle } from '../common/pdf/report-layout';
import { empty, letterDocument, section, table } from '../exports/documents/document-kit';

const day = (iso: string | null) => (iso ? frenchDate(iso.slice(0, 10)) : '—');
const ACTIONS: Record<string, string> = {
  created: 'Création',
  updated: 'Modification',
  imported: 'Import',
  import_undone: 'Import annulé',
  archived: 'Archivage',
  restored: 'Restauration',
  stage_changed: 'Étape MSU',
  erased: 'Effacement',
};
const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value));

function block(
  n: number,
  title: string,
  rows: (string | number)[][],
  headers: string[],
  widths: (string | number)[],
  none: string,
): Content[] {
  return section(sectionTitle(n, title), [rows.length === 0 ? empty(none) : table(headers, rows, widths)]);
}

/** Everything held about a professional, in French, for the person who asked for it. */
export function personalDataDocument(
  data: PersonalDataExport,
  departementName: string,
  generatedAt: Date,
): TDocumentDefinitions {
  const p = data.professional;
  const identity: [string, string][] = [
    ['Civilité', p.civility ? CIVILITY_LABELS[p.civility] : '—'],
    ['Nom', p.lastName],
    ['Prénom', p.firstName],
    ['N° RPPS', text(p.rpps)],
    ['Profession', text(p.profession)],
    ['Spécialité', text(p.specialty)],
    ['Mode d’exercice', p.practiceMode ? PRACTICE_MODE_LABELS[p.practiceMode] : '—'],
    ['Courriel', text(p.email)],
    ['Téléphone', text(p.phone)],
    ['Consentement au contact', p.contactConsent ? 'oui' : 'non'],
    ['Année de première installation', text(p.firstInstallationYear)],
    ['Étape du parcours MSU', `${MSU_STAGE_LABELS[p.msuStage]} depuis le ${day(p.msuStageSince)}`],
    [
      'Formation initiale MSU',
      p.initialTrainingDate ? `${day(p.initialTrainingDate)} (${p.initialTrainingCycle ?? '?'}e cycle)` : '—',
    ],
    ['Terrains de stage', p.sites.map((s) => `${s.name} (${s.communeName ?? s.communeCode})`).join(', ') || '—'],
    ['Notes', text(p.notes)],
    ['Enregistré le', day(p.createdAt)],
  ];
  const content: Content[] = [
    { text: 'Données personnelles détenues', style: 'title' },
    { text: professionalDisplayName(p), style: 'subtitle' },
    {
      text: `Extraction du ${frenchDateTime(generatedAt)} : toutes les données de Maillage qui vous concernent (droit d’accès, RGPD). Base légale : mission d’intérêt public du Département.`,
      style: 'meta',
    },
    ...block(1, 'Identité et coordonnées', identity, ['Donnée', 'Valeur'], [150, '*'], ''),
    ...block(
      2,
      'Parcours de maître de stage',
      data.pipeline.map((e) => [
        day(e.occurredOn),
        e.fromStage ? MSU_STAGE_LABELS[e.fromStage] : '—',
        MSU_STAGE_LABELS[e.toStage],
        text(e.note),
      ]),
      ['Date', 'De', 'À', 'Note'],
      [78, 90, 90, '*'],
      'Aucune étape enregistrée.',
    ),
    ...block(
      3,
      'Formations',
      data.trainingSessions.map((s) => [day(s.date), s.title, `${s.hours} h`]),
      ['Date', 'Formation', 'Durée'],
      [78, '*', 50],
      'Aucune formation enregistrée.',
    ),
    ...block(
      4,
      'Agréments',
      data.accreditations.map((a) => [
        ACCREDITATION_TYPE_LABELS[a.type],
        `${a.cycle}e cycle`,
        a.stageTypes.join(', '),
        ACCREDITATION_STATUS_LABELS[a.status],
        `${day(a.startDate)} → ${day(a.endDate)}`,
      ]),
      ['Type', 'Cycle', 'Stages', 'Statut', 'Validité'],
      [80, 50, '*', 60, 120],
      'Aucun agrément.',
    ),
    ...block(
      5,
      'Signalements du CDOM',
      data.referrals.map((r) => [
        day(r.createdAt),
        REFERRAL_STATUS_LABELS[r.status],
        r.reason,
        r.followUps.map((f) => `${day(f.occurredAt)} : ${f.note}`).join('\n') || '—',
      ]),
      ['Date', 'Statut', 'Motif', 'Suivi'],
      [78, 70, '*', '*'],
      'Aucun signalement.',
    ),
    ...block(
      6,
      'Intentions d’installation',
      data.installationIntents.map((i) => [
        day(i.createdAt),
        INTENT_STATUS_LABELS[i.status],
        i.specialty,
        text(i.notes),
      ]),
      ['Date', 'Statut', 'Spécialité', 'Notes'],
      [78, 70, 100, '*'],
      'Aucune intention d’installation.',
    ),
    ...block(
      7,
      'Visites de terrains',
      data.visits.map((v) => [day(v.date), v.site, v.purpose, v.status]),
      ['Date', 'Terrain', 'Objet', 'Statut'],
      [78, '*', 110, 60],
      'Aucune visite.',
    ),
    ...block(
      8,
      'Annuaire national (RPPS)',
      data.directory.map((d) => [text(d.structureName), d.communeCode, text(d.profession), text(d.savoirFaire)]),
      ['Structure', 'Commune', 'Profession', 'Savoir-faire'],
      ['*', 50, 70, 110],
      'Aucune entrée dans l’annuaire chargé.',
    ),
    ...block(
      9,
      'Imports de fichiers',
      data.imports.map((i) => [i.fileName, day(i.appliedAt), i.action === 'created' ? 'création' : 'mise à jour']),
      ['Fichier', 'Date', 'Effet'],
      ['*', 80, 80],
      'Aucun import.',
    ),
    ...block(
      10,
      'Documents joints',
      data.documents.flatMap((d) =>
        d.versions.map((v) => [
          v.fileName,
          d.recordType === 'accreditation' ? 'agrément' : 'signalement',
          `v${v.number}${d.archivedAt ? ' (archivé)' : ''}`,
          day(v.createdAt),
        ]),
      ),
      ['Fichier', 'Joint à', 'Version', 'Date'],
      ['*', 70, 60, 78],
      'Aucun document.',
    ),
    ...block(
      11,
      'Historique des modifications',
      data.auditEvents.map((e) => [
        day(e.occurredAt),
        ACTIONS[e.action] ?? e.action,
        text(e.actorEmail),
        Object.keys(e.changes).join(', ') || '—',
      ]),
      ['Date', 'Action', 'Par', 'Champs'],
      [78, 70, 120, '*'],
      'Aucun événement.',
    ),
  ];
  return letterDocument({
    departementName,
    reference: `RGPD-${p.id.slice(0, 8)}`,
    kind: { title: 'Données personnelles', subtitle: 'Droit d’accès' },
    title: `Données personnelles – ${professionalDisplayName(p)}`,
    subject: 'Données personnelles détenues par le Département',
    generatedAt,
    content,
  });
}
