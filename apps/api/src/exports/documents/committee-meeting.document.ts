import {
  COMMITTEE_KIND_LABELS,
  type CommitteeMeetingDetail,
  MEETING_STATUS_LABELS,
  ORGANISATION_LABELS,
  TASK_STATUS_LABELS,
} from '@maillage/shared/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDate } from '../../common/pdf/french-format';
import { COLORS, sectionTitle } from '../../common/pdf/report-layout';
import { empty, letterDocument, paragraphs, table } from './document-kit';

/** A committee meeting: agenda, attendees, decisions, actions and minutes. */
export function committeeMeetingDocument(
  meeting: CommitteeMeetingDetail,
  departementName: string,
  generatedAt: Date,
): TDocumentDefinitions {
  const kind = COMMITTEE_KIND_LABELS[meeting.kind];
  const present = meeting.attendees.filter((a) => a.present).length;
  const content: Content[] = [
    { text: kind, style: 'title' },
    { text: meeting.title, style: 'subtitle' },
    {
      text: [frenchDate(meeting.heldOn), meeting.location, MEETING_STATUS_LABELS[meeting.status]]
        .filter(Boolean)
        .join(' · '),
      style: 'meta',
    },
    sectionTitle(1, 'Ordre du jour'),
    paragraphs(meeting.agenda, 'Ordre du jour non renseigné.'),
    sectionTitle(2, `Participants (${present} présent${present > 1 ? 's' : ''} sur ${meeting.attendees.length})`),
    meeting.attendees.length === 0
      ? empty('Aucun participant enregistré.')
      : table(
          ['Nom', 'Organisation', 'Fonction', 'Présence'],
          meeting.attendees.map((a) => [
            a.name,
            ORGANISATION_LABELS[a.organisation],
            a.title ?? '',
            a.present ? 'présent·e' : 'excusé·e',
          ]),
          ['*', 90, '*', 55],
        ),
    sectionTitle(3, 'Relevé de décisions'),
    meeting.decisions.length === 0
      ? empty('Aucune décision enregistrée.')
      : { ol: meeting.decisions.map((d) => ({ text: d.text, margin: [0, 0, 0, 3] })), markerColor: COLORS.teal },
    sectionTitle(4, 'Actions décidées'),
    meeting.actions.length === 0
      ? empty('Aucune action.')
      : table(
          ['Action', 'Responsable', 'Échéance', 'État'],
          meeting.actions.map((a) => [
            a.title,
            a.ownerName ?? a.ownerLabel ?? 'l’équipe',
            a.dueOn ? frenchDate(a.dueOn) : '—',
            TASK_STATUS_LABELS[a.status],
          ]),
          ['*', 100, 85, 55],
        ),
    sectionTitle(5, 'Compte rendu'),
    paragraphs(meeting.minutes, 'Compte rendu non rédigé.'),
  ];
  const links = [
    meeting.snapshot
      ? `État de l’offre « ${meeting.snapshot.title} » du ${frenchDate(meeting.snapshot.takenOn)}`
      : null,
    meeting.annualReport ? `Bilan d’activité ${meeting.annualReport.year} : « ${meeting.annualReport.title} »` : null,
  ].filter((l): l is string => l !== null);
  if (links.length > 0) content.push(sectionTitle(6, 'Documents présentés'), { ul: links });
  return letterDocument({
    departementName,
    reference: `${meeting.kind === 'strategic' ? 'CS' : 'CSU'}-${meeting.heldOn}`,
    kind: { title: kind, subtitle: 'Relevé de séance' },
    title: `${kind} – ${meeting.title} – ${frenchDate(meeting.heldOn)}`,
    subject: `${kind} du ${frenchDate(meeting.heldOn)}`,
    generatedAt,
    content,
  });
}
