import { continuingTrainingProgress, type ProfessionalDetail, todayInFrance } from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { DomainException } from '../common/errors/domain-exception';
import { applyVersionedChange, type AuditActor, findScoped, setArchivedIn } from '../common/persistence/scoped-records';
import { type Actor, departementForWrite } from '../common/scope/territory-scope';
import { AppConfig, trainingTargetOf } from '../config/app-config';
import type { CreateProfessionalDto, UpdateProfessionalDto } from './dto/professional.dto';
import { assertLive } from './msu-stage';
import { assertSitesIn, linkedSiteIds, moveSites } from './professional-sites';
import { assertRppsFree, insertProfessional, searchTextOf } from './professional-writes';
import { Professional } from './professional.entity';
import {
  PROFESSIONAL_ENTITY,
  PROFESSIONAL_LABEL,
  professionalSnapshot,
  siteRefsOf,
  toDetail,
} from './professional.mapper';
import { withRppsConflict } from './rpps-conflict';
import { TrainingSession } from './training-session.entity';

/**
 * Contact details are recorded only with the professional's consent (the database refuses them
 * otherwise): given without it, they are refused with a message rather than dropped silently.
 */
function assertContactConsent(consent: boolean, email?: string | null, phone?: string | null): void {
  if (consent || (!email && !phone)) return;
  throw new DomainException(
    'BAD_INPUT',
    `${email ? 'email' : 'phone'} : les coordonnées ne sont enregistrées qu’avec le consentement du professionnel (contactConsent).`,
  );
}

/** One professional: detail, creation, edits, archive and restore. Lists live in `ProfessionalsQueryService`. */
@Injectable()
export class ProfessionalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async get(actor: Actor, id: string): Promise<ProfessionalDetail> {
    const manager = this.db.manager;
    const professional = await findScoped(manager, actor, Professional, id, PROFESSIONAL_LABEL);
    const sites = await siteRefsOf(manager, [id]);
    const sessions = await manager
      .getRepository(TrainingSession)
      .find({ select: { date: true, hours: true }, where: { professionalId: id } });
    const target = trainingTargetOf(this.config);
    const progress = continuingTrainingProgress(sessions, todayInFrance(), target);
    return toDetail(
      professional,
      sites.get(id) ?? [],
      { ...progress, targetHours: target.hours, targetYears: target.years },
      actor,
    );
  }

  async create(actor: AuditActor, dto: CreateProfessionalDto): Promise<ProfessionalDetail> {
    const { siteIds = [], departementCode: requested, ...fields } = dto;
    const departementCode = departementForWrite(actor, requested);
    assertContactConsent(fields.contactConsent ?? false, fields.email, fields.phone);
    const created = await withRppsConflict(() =>
      this.db.transaction((manager) =>
        insertProfessional(
          manager,
          this.audit,
          actor,
          {
            departementCode,
            civility: fields.civility ?? null,
            firstName: fields.firstName,
            lastName: fields.lastName,
            rpps: fields.rpps ?? null,
            profession: fields.profession ?? 'Médecin',
            specialty: fields.specialty ?? null,
            practiceMode: fields.practiceMode ?? null,
            email: fields.email ?? null,
            phone: fields.phone ?? null,
            firstInstallationYear: fields.firstInstallationYear ?? null,
            contactConsent: fields.contactConsent ?? false,
            msuStage: fields.msuStage ?? 'identified',
            msuStageSince: fields.msuStageSince ?? todayInFrance(),
            initialTrainingDate: fields.initialTrainingDate ?? null,
            initialTrainingCycle: fields.initialTrainingCycle ?? null,
            notes: fields.notes ?? null,
          },
          siteIds,
          'Entrée dans le registre',
        ),
      ),
    );
    return this.get(actor, created.id);
  }

  async update(
    actor: AuditActor,
    id: string,
    version: number,
    dto: UpdateProfessionalDto,
  ): Promise<ProfessionalDetail> {
    const { version: _version, siteIds, ...fields } = dto;
    await withRppsConflict(() =>
      this.db.transaction((manager) =>
        applyVersionedChange(manager, this.audit, actor, {
          target: Professional,
          entityType: PROFESSIONAL_ENTITY,
          label: PROFESSIONAL_LABEL,
          id,
          version,
          action: 'updated',
          snapshot: (row) => professionalSnapshot(manager, row),
          changes: async (before) => {
            assertLive(before);
            if (fields.rpps && fields.rpps !== before.rpps)
              await assertRppsFree(manager, before.departementCode, fields.rpps, id);
            if (siteIds)
              await assertSitesIn(manager, before.departementCode, siteIds, await linkedSiteIds(manager, id));
            const values = Object.fromEntries(
              Object.entries(fields).filter(([, v]) => v !== undefined),
            ) as Partial<Professional>;
            const consent = values.contactConsent ?? before.contactConsent;
            assertContactConsent(consent, values.email, values.phone);
            // Consent withdrawn: the contact details go with it.
            if (!consent) Object.assign(values, { email: null, phone: null });
            return { ...values, searchText: searchTextOf({ ...before, ...values }) };
          },
          after: async (after) => {
            if (siteIds) await moveSites(manager, after, siteIds, todayInFrance());
          },
        }),
      ),
    );
    return this.get(actor, id);
  }

  /** Archives (`archived = true`) or restores; restoring a duplicate live RPPS answers 409. */
  async setArchived(
    actor: AuditActor,
    id: string,
    version: number | undefined,
    archived: boolean,
  ): Promise<ProfessionalDetail> {
    await withRppsConflict(() =>
      this.db.transaction((manager) =>
        setArchivedIn<Professional>(manager, this.audit, actor, version, archived, (v) => ({
          target: Professional,
          entityType: PROFESSIONAL_ENTITY,
          label: PROFESSIONAL_LABEL,
          id,
          version: v,
          snapshot: (row) => professionalSnapshot(manager, row),
        })),
      ),
    );
    return this.get(actor, id);
  }
}
