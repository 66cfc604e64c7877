import { accreditationLink, isoWeekOf, listLink, recordLink, WEB_PATHS } from '@maillage/shared/domain';

import { frenchDate, frenchTime } from '../../common/pdf/french-format';
import type { EmailSection } from '../../mail/email-layout';
import type { Notice } from '../notices/notice';
import type { DigestData, Listed } from './digest-data';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const short = (iso: string) => iso.split('-').reverse().join('/');

function section<T>(
  title: string,
  list: Listed<T>,
  empty: string,
  item: (row: T) => { text: string; link: string },
  moreLink: string,
): EmailSection {
  const rest = list.total - list.items.length;
  return {
    title: `${title} (${list.total})`,
    items: list.items.map(item),
    empty,
    ...(rest > 0 ? { more: { text: `… et ${plural(rest, 'autre', 'autres')}`, link: moreLink } } : {}),
  };
}

/** The weekly digest of one user: one in-app line and one e-mail, keyed by the ISO week. */
export function digestNotice(departementCode: string, data: DigestData): Notice {
  const week = isoWeekOf(data.today);
  const figures: string[] = [];
  const sections: EmailSection[] = [];
  if (data.overdueTasks) {
    figures.push(plural(data.overdueTasks.total, 'tâche en retard', 'tâches en retard'));
    sections.push(
      section(
        'Tâches en retard',
        data.overdueTasks,
        'Aucune tâche en retard.',
        (t) => ({
          text: `${t.title} — échéance le ${short(t.dueOn)}`,
          link: WEB_PATHS.tasks,
        }),
        WEB_PATHS.tasks,
      ),
    );
  }
  if (data.comingTasks) {
    figures.push(plural(data.comingTasks.total, 'tâche à venir', 'tâches à venir'));
    sections.push(
      section(
        'Tâches des 7 prochains jours',
        data.comingTasks,
        'Aucune tâche à échéance cette semaine.',
        (t) => ({
          text: `${t.title} — le ${short(t.dueOn)}`,
          link: WEB_PATHS.tasks,
        }),
        WEB_PATHS.tasks,
      ),
    );
  }
  if (data.expiringAccreditations) {
    figures.push(
      plural(data.expiringAccreditations.total, 'agrément arrive à échéance', 'agréments arrivent à échéance'),
    );
    sections.push(
      section(
        'Agréments arrivant à échéance',
        data.expiringAccreditations,
        'Aucun agrément n’arrive à échéance.',
        (a) => ({
          text: `${a.holder} — fin le ${short(a.endDate)}`,
          link: accreditationLink(a),
        }),
        listLink('accreditations', { validite: 'expiring_soon' }),
      ),
    );
  }
  if (data.visits) {
    figures.push(plural(data.visits.total, 'visite prévue', 'visites prévues'));
    sections.push(
      section(
        'Visites des 7 prochains jours',
        data.visits,
        'Aucune visite prévue.',
        (v) => ({
          text: `${short(v.plannedOn)}${v.plannedTime ? ` à ${frenchTime(v.plannedTime)}` : ''} — ${v.siteName}`,
          link: recordLink('visits', v.id),
        }),
        WEB_PATHS.visits,
      ),
    );
  }
  const summary = figures.length ? `${figures.join(', ')}.` : 'Rien à signaler.';
  const period = `du ${frenchDate(data.today)} au ${frenchDate(data.until)}`;
  return {
    kind: 'weekly_digest',
    departementCode,
    key: `weekly_digest:${week}`,
    title: `Votre semaine ${period}`,
    body: summary,
    link: WEB_PATHS.tasks,
    email: {
      subject: `Votre récapitulatif de la semaine : ${summary}`,
      heading: `Votre semaine ${period}`,
      paragraphs: [summary],
      sections,
      action: { label: 'Ouvrir mes tâches', link: WEB_PATHS.tasks },
      reason: 'Vous recevez ce récapitulatif chaque semaine, au jour et à l’heure que vous avez choisis.',
    },
  };
}
