import {
  hasPermission,
  PRIORITY_LABELS,
  professionalDisplayName,
  recordLink,
  REFERRAL_STATUS_LABELS,
  type Priority,
  type ReferralStatus,
} from '@maillage/shared/domain';

import { clip, type Notice, type Recipient } from './notice';

/** What a notice may say about a referral (never its follow-up notes nor anyone's contact details). */
export interface ReferralFacts {
  id: string;
  departementCode: string;
  civility: 'M' | 'MME' | 'DR' | null;
  firstName: string;
  lastName: string;
  rpps: string | null;
  specialty: string | null;
  communeName: string | null;
  priority: Priority;
  status: ReferralStatus;
  outcomeNote: string | null;
  /** Display name of the account that made the referral. */
  referredBy: string;
}

/** To the mission officers: the CDOM flagged a candidate. */
export function referralCreatedNotice(r: ReferralFacts, to: Recipient): Notice {
  const name = professionalDisplayName(r);
  const where = [r.specialty, r.communeName].filter(Boolean).join(', ');
  const facts: [string, string][] = [['Candidat', name]];
  if (r.rpps && hasPermission(to.role, 'professionals.readRpps')) facts.push(['RPPS', r.rpps]);
  if (r.specialty) facts.push(['Spécialité', r.specialty]);
  if (r.communeName) facts.push(['Commune d’exercice', r.communeName]);
  facts.push(['Priorité', PRIORITY_LABELS[r.priority]], ['Signalé par', r.referredBy]);
  return {
    kind: 'referral_created',
    departementCode: r.departementCode,
    key: `referral_created:${r.id}`,
    title: clip(`Signalement du CDOM : ${name}`, 200),
    body: clip(`${name}${where ? ` (${where})` : ''} — priorité ${PRIORITY_LABELS[r.priority].toLowerCase()}.`, 500),
    link: recordLink('referrals', r.id),
    email: {
      subject: `Nouveau signalement du CDOM : ${name}`,
      heading: 'Le CDOM signale un candidat maître de stage',
      paragraphs: [
        `${r.referredBy} a signalé ${name} comme futur maître de stage des universités dans votre département.`,
        'Le motif du signalement est dans l’application.',
      ],
      facts,
      action: { label: 'Ouvrir le signalement', link: recordLink('referrals', r.id) },
      reason: `Vous recevez ce message car vous suivez les signalements du CDOM (département ${r.departementCode}).`,
    },
  };
}

/** To the CDOM that made the referral: it was converted, or closed without conversion. */
export function referralClosedNotice(r: ReferralFacts, _to: Recipient): Notice {
  const name = professionalDisplayName(r);
  const converted = r.status === 'converted';
  const outcome = REFERRAL_STATUS_LABELS[r.status];
  const facts: [string, string][] = [
    ['Candidat', name],
    ['Issue', outcome],
  ];
  if (r.outcomeNote) facts.push(['Note de clôture', r.outcomeNote]);
  return {
    kind: converted ? 'referral_converted' : 'referral_closed',
    departementCode: r.departementCode,
    key: `referral_closed:${r.id}`,
    title: clip(converted ? `Signalement converti : ${name}` : `Signalement clos : ${name}`, 200),
    body: clip(`${outcome}.${r.outcomeNote ? ` ${r.outcomeNote}` : ''}`, 500),
    link: recordLink('referrals', r.id),
    email: {
      subject: converted ? `Votre signalement de ${name} est converti` : `Votre signalement de ${name} est clos`,
      heading: converted ? 'Un candidat signalé entre dans le parcours MSU' : 'Un signalement est clos',
      paragraphs: [
        converted
          ? `${name}, que le CDOM avait signalé, entre dans le parcours des maîtres de stage du Département.`
          : `Le signalement de ${name} par le CDOM est clos : ${outcome.toLowerCase()}.`,
      ],
      facts,
      action: { label: 'Voir le signalement', link: recordLink('referrals', r.id) },
      reason: 'Vous recevez ce message car le CDOM est à l’origine de ce signalement.',
    },
  };
}
