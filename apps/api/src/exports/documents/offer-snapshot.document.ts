import {
  OFFER_KEY_FIGURES,
  type OfferSnapshotDetail,
  semesterKeyFigure,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SiteKind,
  type SiteStatus,
  STAGE_TYPE_LABELS,
} from '@maillage/shared/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

import { frenchDate } from '../../common/pdf/french-format';
import { sectionTitle } from '../../common/pdf/report-layout';
import { empty, integer, letterDocument, paragraphs, section, table } from './document-kit';

const WATCH_REASONS = { open_issues: 'difficultés ouvertes', not_visited: 'pas de visite depuis un an' } as const;

/** The frozen state of the internship offer, as the follow-up committee reads it. */
export function offerSnapshotDocument(
  snapshot: OfferSnapshotDetail,
  departementName: string,
  generatedAt: Date,
): TDocumentDefinitions {
  const f = snapshot.figures;
  const content: Content[] = [
    { text: 'État de l’offre de stage', style: 'title' },
    { text: snapshot.title, style: 'subtitle' },
    {
      text: `Arrêté le ${frenchDate(snapshot.takenOn)}${snapshot.takenByName ? ` par ${snapshot.takenByName}` : ''} · figures figées à cette date`,
      style: 'meta',
    },
    sectionTitle(1, 'Chiffres clés'),
    table(
      ['Indicateur', 'Valeur'],
      OFFER_KEY_FIGURES.map((key) => {
        const { label, value } = semesterKeyFigure(key, f);
        return [label, value ?? '—'];
      }),
      ['*', 80],
    ),
    ...section(
      sectionTitle(2, 'Places par semestre et type de stage'),
      f.semesters.length === 0
        ? [empty('Aucun semestre couvert.')]
        : f.semesters.map(
            (s): Content => ({
              unbreakable: true,
              stack: [
                { text: s.label, bold: true, margin: [0, 4, 0, 4] },
                table(
                  ['Type de stage', 'Offertes', 'Demandées', 'Écart'],
                  [
                    ...s.stageTypes.map((r) => [STAGE_TYPE_LABELS[r.stageType], r.offered, r.requested, r.gap]),
                    ['Total', s.totals.offered, s.totals.requested, s.totals.gap],
                  ],
                  ['*', 60, 60, 60],
                ),
              ],
            }),
          ),
    ),
    ...section(
      sectionTitle(3, 'Places offertes par zone'),
      f.zones.length === 0
        ? [empty('Aucune donnée par zone.')]
        : f.zones.map(
            (z): Content => ({
              unbreakable: true,
              stack: [
                {
                  text: `${f.semesters.find((s) => s.semester === z.semester)?.label ?? z.semester} — ${integer(z.placesRequested)} places demandées, écart ${integer(z.gap)}`,
                  margin: [0, 4, 0, 4],
                },
                table(
                  ['Zone', 'Terrains', 'Places offertes'],
                  z.rows.map((r) => [r.label, r.sites, r.placesOffered]),
                  ['*', 60, 80],
                ),
              ],
            }),
          ),
    ),
    sectionTitle(4, 'Terrains de stage'),
    {
      columns: [
        table(
          ['Statut', 'Terrains'],
          Object.entries(f.sites.byStatus).map(([k, n]) => [SITE_STATUS_LABELS[k as SiteStatus], n]),
          ['*', 50],
        ),
        table(
          ['Type de structure', 'Terrains'],
          Object.entries(f.sites.byKind).map(([k, n]) => [SITE_KIND_LABELS[k as SiteKind], n]),
          ['*', 50],
        ),
      ],
      columnGap: 16,
    },
    sectionTitle(5, 'Terrains sous surveillance'),
    f.watchedSites.length === 0
      ? empty('Aucun terrain sous surveillance.')
      : table(
          ['Terrain', 'Commune', 'Difficultés ouvertes', 'Dernière visite', 'Motif'],
          f.watchedSites.map((s) => [
            s.name,
            s.communeName,
            s.openIssues,
            s.lastVisitOn ? frenchDate(s.lastVisitOn) : 'jamais',
            s.reasons.map((r) => WATCH_REASONS[r]).join(', '),
          ]),
          ['*', 80, 55, 70, 90],
        ),
  ];
  if (f.progress) {
    content.push(
      sectionTitle(6, `Évolution depuis l’état du ${frenchDate(f.progress.previousTakenOn)}`),
      table(
        ['Indicateur', 'Avant', 'Maintenant', 'Écart'],
        f.progress.figures.map((d) => [
          d.label,
          d.previous,
          d.current,
          `${d.difference > 0 ? '+' : ''}${integer(d.difference)}`,
        ]),
        ['*', 50, 60, 50],
      ),
    );
  }
  content.push(sectionTitle(f.progress ? 7 : 6, 'Note'), paragraphs(snapshot.note, 'Aucune note.'));
  return letterDocument({
    departementName,
    reference: `EO-${snapshot.takenOn}`,
    kind: { title: 'État de l’offre de stage', subtitle: 'Comité de suivi' },
    title: `État de l’offre de stage – ${snapshot.title}`,
    subject: 'État de l’offre de stage ambulatoire',
    generatedAt,
    content,
  });
}
