import { INTENT_HORIZON_LABELS, type IntentHorizon, listLink } from '@maillage/shared/domain';

import { clip, type Notice, type Recipient } from './notice';

/** What a notice may say about an installation intent (initials only without consent). */
export interface IntentFacts {
  id: string;
  departementCode: string;
  /** Names with consent, initials otherwise. */
  person: string;
  specialty: string;
  faculty: string | null;
  horizon: IntentHorizon;
  communeNames: string[];
  reportedBy: string;
}

/** To the mission officers: the CDOM reported a young doctor's plan to settle. */
export function intentReportedNotice(i: IntentFacts, _to: Recipient): Notice {
  const horizon = INTENT_HORIZON_LABELS[i.horizon].toLowerCase();
  const where = i.communeNames.length ? ` à ${i.communeNames.join(', ')}` : '';
  const facts: [string, string][] = [
    ['Médecin', i.person],
    ['Spécialité', i.specialty],
    ['Horizon', INTENT_HORIZON_LABELS[i.horizon]],
  ];
  if (i.communeNames.length) facts.push(['Communes visées', i.communeNames.join(', ')]);
  if (i.faculty) facts.push(['Faculté', i.faculty]);
  facts.push(['Signalée par', i.reportedBy]);
  const link = listLink('intents');
  return {
    kind: 'intent_reported',
    departementCode: i.departementCode,
    key: `intent_reported:${i.id}`,
    title: clip(`Intention d’installation : ${i.person} (${i.specialty})`, 200),
    body: clip(`Installation envisagée${where}, ${horizon}.`, 500),
    link,
    email: {
      subject: `Nouvelle intention d’installation : ${i.person}`,
      heading: 'Le CDOM signale une intention d’installation',
      paragraphs: [`${i.reportedBy} signale qu’un jeune médecin envisage de s’installer${where}, ${horizon}.`],
      facts,
      action: { label: 'Voir les intentions d’installation', link },
      reason: `Vous recevez ce message car vous suivez les intentions d’installation (département ${i.departementCode}).`,
    },
  };
}
