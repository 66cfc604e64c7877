import {
  canMoveMsuStage,
  CIVILITIES,
  type Civility,
  CIVILITY_LABELS,
  CYCLE_LABELS,
  CYCLES,
  IMPORT_FIELDS,
  MSU_STAGE_LABELS,
  MSU_STAGES,
  normalizeSearchText,
  PRACTICE_MODE_LABELS,
  PRACTICE_MODES,
  professionalDisplayName,
} from '@maillage/shared/domain';
import { IsNull } from 'typeorm';

import { CreateProfessionalDto } from '../../professionals/dto/professional.dto';
import { ProfessionalSite } from '../../professionals/professional-site.entity';
import { replaceSites } from '../../professionals/professional-sites';
import { insertProfessional, recordStageEvent, searchTextOf } from '../../professionals/professional-writes';
import { Professional } from '../../professionals/professional.entity';
import { PROFESSIONAL_ENTITY, professionalSnapshot } from '../../professionals/professional.mapper';
import { TrainingSite } from '../../sites/training-site.entity';
import { parseBoolean, parseChoice, parseDate, parseInteger, parseList } from '../cells';
import { changedFields, FieldReader, sameValue } from './field-reader';
import {
  type ImportContext,
  type ImportKindHandler,
  type ImportSession,
  type ItemDraft,
  plannedCreate,
  type PlannedRow,
  plannedUnchanged,
  plannedUpdate,
  rejected,
  type RowInput,
} from './import-kind';
import { createdItem, type ImportedRecord, undoImported, updateImported } from './import-writes';
import { SiteResolver } from './site-refs';

const FIELDS = IMPORT_FIELDS.professionals;
const PROFESSIONAL: ImportedRecord<Professional> = {
  target: Professional,
  entityType: PROFESSIONAL_ENTITY,
  label: 'Professionnel',
  snapshot: professionalSnapshot,
};
const CIVILITY_SYNONYMS: Record<string, Civility> = {
  monsieur: 'M',
  mr: 'M',
  madame: 'MME',
  mlle: 'MME',
  docteur: 'DR',
  dr: 'DR',
  pr: 'DR',
};

/** The importable columns of a professional (the MSU stage moves through its own rules). */
const COLUMNS = [
  'civility',
  'firstName',
  'lastName',
  'rpps',
  'profession',
  'specialty',
  'practiceMode',
  'email',
  'phone',
  'contactConsent',
  'firstInstallationYear',
  'initialTrainingDate',
  'initialTrainingCycle',
  'notes',
] as const;
type Column = (typeof COLUMNS)[number];
type ProfessionalState = Pick<Professional, Column | 'msuStage' | 'msuStageSince'> & { siteIds: string[] };

const fold = normalizeSearchText;
const label = (p: Professional) => `Professionnel « ${professionalDisplayName(p)} »`;

class ProfessionalsSession implements ImportSession {
  private readonly byRpps = new Map<string, Professional>();
  private readonly byName = new Map<string, Professional[]>();

  constructor(
    private readonly ctx: ImportContext,
    professionals: Professional[],
    private readonly links: Map<string, string[]>,
    private readonly sites: SiteResolver<TrainingSite>,
  ) {
    for (const p of professionals) {
      if (p.rpps) this.byRpps.set(p.rpps, p);
      else {
        const key = fold(`${p.lastName} ${p.firstName}`);
        this.byName.set(key, [...(this.byName.get(key) ?? []), p]);
      }
    }
  }

  async plan(row: RowInput): Promise<PlannedRow> {
    const r = new FieldReader(row, FIELDS);
    const text = (key: string) => {
      const value = r.text(key);
      return value === undefined ? undefined : value === '' ? null : value;
    };
    const plain: Record<string, unknown> = {
      civility: r.read('civility', (t) => parseChoice(t, CIVILITIES, CIVILITY_LABELS, CIVILITY_SYNONYMS)),
      firstName: r.text('firstName'),
      lastName: r.text('lastName'),
      rpps: text('rpps')?.replace(/\s+/g, '') ?? text('rpps'),
      profession: r.has('profession') ? (text('profession') ?? 'Médecin') : undefined,
      specialty: text('specialty'),
      practiceMode: r.read('practiceMode', (t) => parseChoice(t, PRACTICE_MODES, PRACTICE_MODE_LABELS)),
      email: text('email'),
      phone: text('phone'),
      contactConsent: r.read('contactConsent', (t) => parseBoolean(t) ?? false),
      firstInstallationYear: r.read('firstInstallationYear', parseInteger),
      initialTrainingDate: r.read('initialTrainingDate', parseDate),
      initialTrainingCycle: r.read('initialTrainingCycle', (t) => parseChoice(t, CYCLES, CYCLE_LABELS)),
      notes: text('notes'),
      msuStage: r.read('msuStage', (t) => parseChoice(t, MSU_STAGES, MSU_STAGE_LABELS)) ?? undefined,
      msuStageSince: r.read('msuStageSince', parseDate) ?? undefined,
    };
    for (const key of Object.keys(plain)) if (plain[key] === undefined) delete plain[key];
    const siteIds = this.siteIds(r);
    const existing = this.match(r, plain['rpps'] as string | null | undefined, plain);
    this.dropContactsWithoutConsent(r, plain, existing);
    const dto = await r.validate(CreateProfessionalDto, plain);
    if (r.errors.length > 0) return rejected(r.errors, r.warnings);
    const key = dto.rpps ? `RPPS ${dto.rpps}` : `« ${dto.firstName} ${dto.lastName} »`;
    if (!existing) {
      if (
        dto.rpps &&
        (await this.ctx.manager.getRepository(Professional).existsBy({ rpps: dto.rpps, archivedAt: IsNull() }))
      ) {
        return rejected([`« N° RPPS » : ce numéro est celui d’un professionnel d’un autre département.`], r.warnings);
      }
      return plannedCreate(key, r.warnings, () => this.create(dto, siteIds ?? []));
    }
    const mapped = Object.fromEntries(
      COLUMNS.filter((c) => c in plain).map((c) => [c, dto[c]]),
    ) as Partial<Professional>;
    const changes = changedFields(existing, mapped);
    const stage = this.stageChange(r, existing, dto);
    const currentSites = [...(this.links.get(existing.id) ?? [])].sort();
    const sitesChanged = siteIds !== undefined && !sameValue(currentSites, [...siteIds].sort());
    if (r.errors.length > 0) return rejected(r.errors, r.warnings);
    if (Object.keys(changes).length === 0 && !stage && !sitesChanged) {
      return plannedUnchanged(key, r.warnings, existing.id);
    }
    return plannedUpdate(key, r.warnings, existing.id, () =>
      this.update(existing, { ...changes, ...stage }, sitesChanged ? siteIds : undefined, currentSites),
    );
  }

  private siteIds(r: FieldReader): string[] | undefined {
    const cell = r.text('sites');
    if (cell === undefined) return undefined;
    const ids: string[] = [];
    for (const reference of parseList(cell, /[|\n]+/)) {
      const site = this.sites.resolve(reference);
      if (typeof site === 'string') r.fail('sites', site);
      else if (!ids.includes(site.id)) ids.push(site.id);
    }
    return ids;
  }

  /** By RPPS, else (without RPPS) by name among those who have none. */
  private match(r: FieldReader, rpps: string | null | undefined, plain: Record<string, unknown>): Professional | null {
    if (rpps) return this.byRpps.get(rpps) ?? null;
    const candidates =
      this.byName.get(fold(`${String(plain['lastName'] ?? '')} ${String(plain['firstName'] ?? '')}`)) ?? [];
    if (candidates.length > 1) {
      r.errors.push(
        'Plusieurs professionnels sans RPPS portent ce nom : ajoutez leur numéro RPPS pour les distinguer.',
      );
    }
    return candidates.length === 1 ? candidates[0] : null;
  }

  /** Contact details are kept only with the professional's consent (GDPR). */
  private dropContactsWithoutConsent(
    r: FieldReader,
    plain: Record<string, unknown>,
    existing: Professional | null,
  ): void {
    const consent = (plain['contactConsent'] as boolean | undefined) ?? existing?.contactConsent ?? false;
    if (consent) return;
    const dropped = (['email', 'phone'] as const).filter((k) => plain[k] !== undefined && plain[k] !== null);
    if (dropped.length === 0) return;
    for (const k of dropped) plain[k] = null;
    r.warnings.push('Courriel et téléphone non enregistrés : le professionnel n’a pas consenti à être contacté.');
  }

  /** A different MSU stage is a move of the pipeline, with its rules, dated by « Étape depuis le » or today. */
  private stageChange(
    r: FieldReader,
    existing: Professional,
    dto: CreateProfessionalDto,
  ): Pick<Professional, 'msuStage' | 'msuStageSince'> | null {
    if (!dto.msuStage || dto.msuStage === existing.msuStage) return null;
    const date = dto.msuStageSince ?? this.ctx.today;
    if (!canMoveMsuStage(existing.msuStage, dto.msuStage)) {
      r.fail(
        'msuStage',
        `passage impossible de « ${MSU_STAGE_LABELS[existing.msuStage]} » à « ${MSU_STAGE_LABELS[dto.msuStage]} ».`,
      );
    } else if (date < existing.msuStageSince) {
      r.fail('msuStageSince', `ne peut pas précéder le début de l’étape actuelle (${existing.msuStageSince}).`);
    }
    return { msuStage: dto.msuStage, msuStageSince: date };
  }

  private async create(dto: CreateProfessionalDto, siteIds: string[]): Promise<ItemDraft> {
    const { manager, audit, actor, departementCode, today, fileName } = this.ctx;
    const professional = await insertProfessional(
      manager,
      audit,
      actor,
      {
        departementCode,
        civility: dto.civility ?? null,
        firstName: dto.firstName,
        lastName: dto.lastName,
        rpps: dto.rpps ?? null,
        profession: dto.profession ?? 'Médecin',
        specialty: dto.specialty ?? null,
        practiceMode: dto.practiceMode ?? null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        firstInstallationYear: dto.firstInstallationYear ?? null,
        contactConsent: dto.contactConsent ?? false,
        msuStage: dto.msuStage ?? 'identified',
        msuStageSince: dto.msuStageSince ?? today,
        initialTrainingDate: dto.initialTrainingDate ?? null,
        initialTrainingCycle: dto.initialTrainingCycle ?? null,
        notes: dto.notes ?? null,
      },
      siteIds,
      `Import du fichier ${fileName}`,
    );
    return createdItem(PROFESSIONAL_ENTITY, professional, label(professional));
  }

  private async update(
    existing: Professional,
    changes: Partial<Professional>,
    siteIds: string[] | undefined,
    currentSites: string[],
  ): Promise<ItemDraft> {
    const { manager, actor, fileName } = this.ctx;
    const before: ProfessionalState = {
      ...(Object.fromEntries(COLUMNS.map((c) => [c, existing[c]])) as Pick<Professional, Column>),
      msuStage: existing.msuStage,
      msuStageSince: existing.msuStageSince,
      siteIds: currentSites,
    };
    return updateImported(this.ctx, PROFESSIONAL, existing, before, label, {
      changes: () => ({ ...changes, searchText: searchTextOf({ ...existing, ...changes }) }),
      after: async (row) => {
        if (siteIds) await replaceSites(manager, row.id, siteIds);
        if (changes.msuStage) {
          await recordStageEvent(manager, actor.id, {
            professionalId: row.id,
            fromStage: existing.msuStage,
            toStage: changes.msuStage,
            occurredOn: row.msuStageSince,
            note: `Import du fichier ${fileName}`,
          });
        }
      },
    });
  }
}

export const professionalImport: ImportKindHandler = {
  kind: 'professionals',
  fields: FIELDS,

  async begin(ctx) {
    const professionals = await ctx.manager
      .getRepository(Professional)
      .find({ where: { departementCode: ctx.departementCode, archivedAt: IsNull() } });
    const links = new Map<string, string[]>();
    const rows = await ctx.manager
      .getRepository(ProfessionalSite)
      .createQueryBuilder('ps')
      .innerJoin(Professional, 'p', 'p.id = ps.professional_id')
      .where('p.departement_code = :dep', { dep: ctx.departementCode })
      .getMany();
    for (const link of rows) links.set(link.professionalId, [...(links.get(link.professionalId) ?? []), link.siteId]);
    const sites = await ctx.manager
      .getRepository(TrainingSite)
      .find({ where: { departementCode: ctx.departementCode, archivedAt: IsNull() } });
    return new ProfessionalsSession(ctx, professionals, links, new SiteResolver(sites));
  },

  undo(ctx: ImportContext, item) {
    const { manager } = ctx;
    return undoImported(ctx, item, PROFESSIONAL, () => {
      const { siteIds, ...columns } = item.before as ProfessionalState;
      return {
        changes: () => ({ ...columns, searchText: searchTextOf(columns) }),
        after: async (row) => {
          await replaceSites(manager, row.id, siteIds);
          // The pipeline moves the import wrote (same transaction time as the import).
          await manager.query(
            `DELETE FROM msu_stage_events e USING import_jobs j
            WHERE j.id = $1 AND e.professional_id = $2 AND e.created_at = j.applied_at`,
            [ctx.jobId, row.id],
          );
        },
      };
    });
  },
};
