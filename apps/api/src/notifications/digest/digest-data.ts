import { type AccreditationRules, addMonths, hasPermission } from '@maillage/shared/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';

import { validitySql } from '../../accreditations/accreditation-query';
import { holderIdOf, holderNames } from '../../accreditations/accreditation-views';
import { Accreditation } from '../../accreditations/accreditation.entity';
import { namedWhere, SqlParams } from '../../common/persistence/sql';
import { type Actor, scopeQuery } from '../../common/scope/territory-scope';
import { MINE, todoQuery } from '../../tasks/task-query';
import { Task } from '../../tasks/task.entity';
import { SiteVisit } from '../../visits/site-visit.entity';
import { addDays } from './paris-time';

/** Rows listed per section; the total says how many there are. */
export const DIGEST_ITEMS = 10;

export interface Listed<T> {
  total: number;
  items: T[];
}

export interface DigestData {
  today: string;
  /** Last day of the coming week (today + 6). */
  until: string;
  /** `null`: the recipient's role may not read that part. */
  overdueTasks: Listed<{ id: string; title: string; dueOn: string }> | null;
  comingTasks: Listed<{ id: string; title: string; dueOn: string }> | null;
  expiringAccreditations: Listed<{
    id: string;
    holder: string;
    endDate: string;
    professionalId: string | null;
    siteId: string | null;
  }> | null;
  visits: Listed<{ id: string; plannedOn: string; plannedTime: string | null; siteName: string }> | null;
}

async function listed<T extends object, R>(qb: SelectQueryBuilder<T>, map: (rows: T[]) => Promise<R[]> | R[]) {
  const [rows, total] = await qb.take(DIGEST_ITEMS).getManyAndCount();
  return { total, items: await map(rows) };
}

/**
 * What a mission officer's weekly digest lists, for her département: her open tasks (hers or
 * the team's) overdue and due in the coming 7 days, the accreditations "expiring soon" as the
 * accreditations list counts them, and the visits planned in the coming 7 days.
 */
export async function digestData(
  manager: EntityManager,
  actor: Actor,
  today: string,
  rules: AccreditationRules,
): Promise<DigestData> {
  const until = addDays(today, 6);
  const mine = () =>
    todoQuery(manager.getRepository(Task), actor, today, until).andWhere(MINE).andWhere('t.dueOn IS NOT NULL');
  const taskItem = (rows: Task[]) => rows.map((t) => ({ id: t.id, title: t.title, dueOn: t.dueOn as string }));
  const readsTasks = hasPermission(actor.role, 'tasks.read');

  const params = new SqlParams();
  const expiring = namedWhere(validitySql('expiring_soon', params, today, addMonths(today, rules.alertMonths)), params);
  const accreditations = scopeQuery(manager.getRepository(Accreditation).createQueryBuilder('a'), actor)
    .andWhere('a.archivedAt IS NULL')
    .andWhere(expiring.where, expiring.parameters)
    .orderBy('a.endDate', 'ASC')
    .addOrderBy('a.id', 'ASC');
  const visits = scopeQuery(manager.getRepository(SiteVisit).createQueryBuilder('v'), actor)
    .innerJoinAndSelect('v.site', 's')
    .andWhere(`v.archivedAt IS NULL AND v.status = 'planned'`)
    .andWhere('v.plannedOn BETWEEN :today AND :until', { today, until })
    .orderBy('v.plannedOn', 'ASC')
    .addOrderBy('v.plannedTime', 'ASC', 'NULLS LAST')
    .addOrderBy('v.id', 'ASC');

  return {
    today,
    until,
    overdueTasks: readsTasks ? await listed(mine().andWhere('t.dueOn < :today'), taskItem) : null,
    comingTasks: readsTasks
      ? await listed(mine().andWhere('t.dueOn BETWEEN :today AND :until', { until }), taskItem)
      : null,
    expiringAccreditations: hasPermission(actor.role, 'accreditations.read')
      ? await listed(accreditations, async (rows) => {
          const names = await holderNames(manager, rows);
          return rows.map((a) => ({
            id: a.id,
            holder: names.get(holderIdOf(a)) ?? '',
            endDate: a.endDate as string,
            professionalId: a.professionalId,
            siteId: a.siteId,
          }));
        })
      : null,
    visits: hasPermission(actor.role, 'visits.read')
      ? await listed(visits, (rows) =>
          rows.map((v) => ({
            id: v.id,
            plannedOn: v.plannedOn,
            plannedTime: v.plannedTime,
            siteName: v.site?.name ?? '',
          })),
        )
      : null,
  };
}
