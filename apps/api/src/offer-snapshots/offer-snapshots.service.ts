import {
  COMMITTEE_AUDIT_ENTITY_TYPES,
  OFFER_KEY_FIGURES,
  OFFER_ZONE_LABELS,
  type OfferFigures,
  type OfferKeyFigure,
  type OfferSnapshotDetail,
  type OfferSnapshotSummary,
  type Page,
  semesterKeyFigure,
  SITE_KIND_LABELS,
  SITE_STATUS_LABELS,
  type SnapshotComparison,
  type SnapshotComparisonRow,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import { paginate } from '../common/http/paging';
import { type AuditActor, findScoped, setArchivedIn } from '../common/persistence/scoped-records';
import { type Actor, departementForWrite, scopeQuery } from '../common/scope/territory-scope';
import { Departement } from '../territory/entities/departement.entity';
import { User } from '../users/user.entity';
import type { CreateOfferSnapshotDto, ListOfferSnapshotsQuery } from './dto/offer-snapshot.dto';
import { computeOfferFigures } from './offer-figures';
import { OfferSnapshot } from './offer-snapshot.entity';

const LABEL = 'Relevé de l’offre de stage';
/** Advisory lock class of "the snapshots of one département" (key: hashtext), so that `previous` is well defined. */
const SNAPSHOTS_LOCK_CLASS = 772_031;

/** "État de l'offre de stage": computed once, frozen in `figures`, never updated; only archived. */
@Injectable()
export class OfferSnapshotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, query: ListOfferSnapshotsQuery): Promise<Page<OfferSnapshotSummary>> {
    const qb = scopeQuery(this.db.getRepository(OfferSnapshot).createQueryBuilder('o'), actor)
      .leftJoinAndSelect('o.takenBy', 'u')
      .andWhere('o.archivedAt IS NULL');
    if (query.departement) qb.andWhere('o.departementCode = :dep', { dep: query.departement });
    return paginate(
      qb,
      query,
      { takenOn: 'o.takenOn', title: 'o.title', createdAt: 'o.createdAt' },
      'takenOn:desc',
      summaryOf,
    );
  }

  async get(actor: Actor, id: string): Promise<OfferSnapshotDetail> {
    return detailOf(await this.load(this.db.manager, actor, id));
  }

  async compare(actor: Actor, a: string, b: string): Promise<SnapshotComparison> {
    const [left, right] = [await this.load(this.db.manager, actor, a), await this.load(this.db.manager, actor, b)];
    // Per-semester key figures of both sides are read for the semesters of the right-hand snapshot.
    const reference = right.figures as unknown as OfferFigures;
    const fa = flatten(left.figures as unknown as OfferFigures, reference);
    const fb = flatten(reference, reference);
    // Key figures first, in their usual order (a semester only one side covers stays beside the others).
    const rank = (key: string) => {
      const i = OFFER_KEY_FIGURES.indexOf(key.replace(/^keyFigures\./, '') as OfferKeyFigure);
      return key.startsWith('keyFigures.') && i >= 0 ? i : OFFER_KEY_FIGURES.length;
    };
    const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort((x, y) => rank(x) - rank(y));
    const rows: SnapshotComparisonRow[] = keys.map((key) => {
      const x = fa.get(key)?.value ?? null;
      const y = fb.get(key)?.value ?? null;
      const label = fa.get(key)?.label ?? fb.get(key)?.label ?? key;
      return { key, label, a: x, b: y, difference: x !== null && y !== null ? y - x : null };
    });
    return { a: summaryOf(left), b: summaryOf(right), rows };
  }

  take(actor: AuditActor, dto: CreateOfferSnapshotDto): Promise<OfferSnapshotDetail> {
    const departementCode = departementForWrite(actor, dto.departementCode);
    const today = this.clock.today();
    return this.db.transaction(async (manager) => {
      if (!(await manager.getRepository(Departement).existsBy({ code: departementCode }))) {
        throw new DomainException('BAD_INPUT', 'departementCode : département inconnu.');
      }
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SNAPSHOTS_LOCK_CLASS, departementCode]);
      const repo = manager.getRepository(OfferSnapshot);
      const previous = await repo.findOne({
        where: { departementCode, archivedAt: IsNull() },
        order: { takenOn: 'DESC', createdAt: 'DESC' },
      });
      const figures = await computeOfferFigures(
        manager,
        departementCode,
        today,
        previous
          ? { id: previous.id, takenOn: previous.takenOn, figures: previous.figures as unknown as OfferFigures }
          : null,
      );
      const saved = await repo.save(
        repo.create({
          departementCode,
          takenOn: today,
          title: dto.title,
          note: dto.note ?? null,
          figures: figures as unknown as Record<string, unknown>,
          takenById: actor.id,
          archivedAt: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'created',
        entityType: COMMITTEE_AUDIT_ENTITY_TYPES.snapshot,
        entityId: saved.id,
        departementCode,
        after: { takenOn: today, title: saved.title, note: saved.note, keyFigures: figures.keyFigures },
      });
      return detailOf(await this.load(manager, actor, saved.id));
    });
  }

  /** Archives only (`archived` is always true): the figures stay as they were taken. */
  async setArchived(actor: AuditActor, id: string, version: number | undefined, archived: boolean): Promise<void> {
    await this.db.transaction((manager) =>
      setArchivedIn<OfferSnapshot>(manager, this.audit, actor, version, archived, (v) => ({
        target: OfferSnapshot,
        entityType: COMMITTEE_AUDIT_ENTITY_TYPES.snapshot,
        label: LABEL,
        id,
        version: v,
        snapshot: (r) => ({ title: r.title, takenOn: r.takenOn, archivedAt: r.archivedAt?.toISOString() ?? null }),
      })),
    );
  }

  private async load(manager: EntityManager, actor: Actor, id: string): Promise<OfferSnapshot> {
    const row = await findScoped(manager, actor, OfferSnapshot, id, LABEL);
    row.takenBy = row.takenById ? await manager.getRepository(User).findOneBy({ id: row.takenById }) : null;
    return row;
  }
}

function summaryOf(o: OfferSnapshot): OfferSnapshotSummary {
  const figures = o.figures as unknown as OfferFigures;
  return {
    id: o.id,
    departementCode: o.departementCode,
    takenOn: o.takenOn,
    title: o.title,
    note: o.note,
    takenByName: o.takenBy?.displayName ?? null,
    keyFigures: figures.keyFigures,
    archivedAt: o.archivedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
    version: o.version,
  };
}

function detailOf(o: OfferSnapshot): OfferSnapshotDetail {
  const { keyFigures: _, ...summary } = summaryOf(o);
  return { ...summary, figures: o.figures as unknown as OfferFigures };
}

/** Every number of a snapshot, keyed and labelled, for the side-by-side comparison. */
function flatten(f: OfferFigures, reference: OfferFigures): Map<string, { label: string; value: number }> {
  const out = new Map<string, { label: string; value: number }>();
  const put = (key: string, label: string, value: number) => out.set(key, { label, value });
  for (const key of OFFER_KEY_FIGURES) {
    const { label, value } = semesterKeyFigure(key, f, reference);
    if (value !== null) put(`keyFigures.${key}`, label, value);
  }
  for (const [status, n] of Object.entries(f.sites.byStatus)) {
    put(`sites.byStatus.${status}`, `Terrains — ${SITE_STATUS_LABELS[status as never] ?? status}`, n);
  }
  for (const [kind, n] of Object.entries(f.sites.byKind)) {
    put(`sites.byKind.${kind}`, `Terrains — ${SITE_KIND_LABELS[kind as never] ?? kind}`, n);
  }
  for (const s of f.semesters) {
    for (const r of s.stageTypes) {
      put(`semesters.${s.semester}.${r.stageType}.offered`, `${s.label} — ${r.stageType} — places offertes`, r.offered);
      put(
        `semesters.${s.semester}.${r.stageType}.requested`,
        `${s.label} — ${r.stageType} — places demandées`,
        r.requested,
      );
      put(`semesters.${s.semester}.${r.stageType}.gap`, `${s.label} — ${r.stageType} — écart`, r.gap);
    }
  }
  for (const z of f.zones) {
    for (const r of z.rows) {
      put(
        `zones.${z.semester}.${r.zone}.placesOffered`,
        `${z.semester} — ${OFFER_ZONE_LABELS[r.zone]} — places offertes`,
        r.placesOffered,
      );
    }
  }
  return out;
}
