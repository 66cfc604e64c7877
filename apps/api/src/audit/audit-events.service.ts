import { type AuditEventView, hasPermission, type Page } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditEvent } from '../common/audit/audit-event.entity';
import { paginate } from '../common/http/paging';
import { maskChanges, type Viewer } from '../common/privacy/personal-fields';
import { type Actor, scopeQuery } from '../common/scope/territory-scope';
import type { ListAuditEventsQuery } from './audit-events.query';

const SORTABLE = { occurredAt: 'e.occurredAt' };

/** History of account changes: for those who manage accounts only (it names colleagues and their roles). */
const ADMIN_ONLY_ENTITY_TYPES = ['user'];

/** An audit event; the personal values of its snapshots masked as the record itself would hide them. */
export function toAuditEventView(e: AuditEvent, viewer: Viewer): AuditEventView {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorEmail: e.actorEmail,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: maskChanges(viewer, e.entityType, e.changes),
  };
}

/**
 * Reads the history. A user of a département sees only the events of its département (never
 * those without one); a national administrator sees everything.
 */
@Injectable()
export class AuditEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(actor: Actor, query: ListAuditEventsQuery): Promise<Page<AuditEventView>> {
    const qb = scopeQuery(this.db.getRepository(AuditEvent).createQueryBuilder('e'), actor);
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (!hasPermission(actor.role, 'users.manage'))
      qb.andWhere('e.entityType NOT IN (:...adminOnly)', { adminOnly: ADMIN_ONLY_ENTITY_TYPES });
    return paginate(qb, query, SORTABLE, 'occurredAt:desc', (e) => toAuditEventView(e, actor));
  }
}
