import {
  ACCREDITATION_STATUS_LABELS,
  ACCREDITATION_STATUSES,
  ACCREDITATION_TYPE_LABELS,
  ACCREDITATION_TYPES,
  type AccreditationStatus,
  AUDIT_ENTITY_TYPES,
  CYCLE_LABELS,
  CYCLES,
  IMPORT_FIELDS,
  normalizeSearchText,
  PHASE_LABELS,
  PHASES,
  professionalDisplayName,
  STAGE_TYPE_LABELS,
  STAGE_TYPES,
} from '@maillage/shared/domain';
import { IsNull } from 'typeorm';

import { followsWithdrawal, type Holder, holderName } from '../../accreditations/accreditation-holders';
import { checkCoverage, resolveDates } from '../../accreditations/accreditation-rules';
import { editChanges } from '../../accreditations/accreditation-transitions';
import { accreditationSnapshot } from '../../accreditations/accreditation-views';
import { Accreditation } from '../../accreditations/accreditation.entity';
import { CreateAccreditationDto } from '../../accreditations/dto/accreditation.dto';
import { DomainException } from '../../common/errors/domain-exception';
import { accreditationRulesOf } from '../../config/app-config';
import { Professional } from '../../professionals/professional.entity';
import { TrainingSite } from '../../sites/training-site.entity';
import { parseChoice, parseDate, parseInteger, parseList } from '../cells';
import { changedFields, FieldReader } from './field-reader';
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
import {
  auditImported,
  blankToNull,
  createdItem,
  type ImportedRecord,
  undoImported,
  updateImported,
} from './import-writes';
import { SiteResolver } from './site-refs';

const FIELDS = IMPORT_FIELDS.accreditations;
const ENTITY = AUDIT_ENTITY_TYPES.accreditation;
const ACCREDITATION: ImportedRecord<Accreditation> = {
  target: Accreditation,
  entityType: ENTITY,
  label: 'Agrément',
  snapshot: (_manager, row) => accreditationSnapshot(row),
};
const DATED_STATUSES: readonly AccreditationStatus[] = ['granted', 'conditional', 'expired'];
/** What an import may change on an existing accreditation (its status moves through actions). */
const EDITABLE = [
  'cycle',
  'stageTypes',
  'phases',
  'maxStudents',
  'authority',
  'startDate',
  'endDate',
  'reference',
  'notes',
] as const;
type AccreditationState = Pick<Accreditation, (typeof EDITABLE)[number]>;
/** DTO field → import field, to name the column in messages. */
const FIELD_OF: Record<string, string> = { professionalId: 'holderRpps', siteId: 'holderSite' };

const fold = normalizeSearchText;

class AccreditationsSession implements ImportSession {
  private readonly byRpps = new Map<string, Professional>();
  private readonly byName = new Map<string, Professional[]>();
  private readonly byKey = new Map<string, Accreditation[]>();

  constructor(
    private readonly ctx: ImportContext,
    professionals: Professional[],
    private readonly sites: SiteResolver<TrainingSite>,
    accreditations: Accreditation[],
  ) {
    for (const p of professionals) {
      if (p.rpps) this.byRpps.set(p.rpps, p);
      for (const name of new Set([fold(professionalDisplayName(p)), fold(`${p.firstName} ${p.lastName}`)])) {
        this.byName.set(name, [...(this.byName.get(name) ?? []), p]);
      }
    }
    for (const a of accreditations) {
      const key = keyOf((a.professionalId ?? a.siteId) as string, a.type, a.startDate, a.cycle);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), a]);
    }
  }

  async plan(row: RowInput): Promise<PlannedRow> {
    const r = new FieldReader(row, FIELDS);
    const holder = this.holder(r);
    const plain: Record<string, unknown> = {
      professionalId: holder?.kind === 'professional' ? holder.row.id : undefined,
      siteId: holder?.kind === 'site' ? holder.row.id : undefined,
      cycle: r.read('cycle', (t) => parseChoice(t.replace(/^([23])e?$/, '$1'), CYCLES, CYCLE_LABELS)),
      type: r.read('type', (t) => parseChoice(t, ACCREDITATION_TYPES, ACCREDITATION_TYPE_LABELS)),
      stageTypes: r.read('stageTypes', (t) => parseList(t).map((s) => parseChoice(s, STAGE_TYPES, STAGE_TYPE_LABELS))),
      phases: r.read('phases', (t) => parseList(t).map((s) => parseChoice(s, PHASES, PHASE_LABELS))),
      maxStudents: r.read('maxStudents', parseInteger),
      authority: r.text('authority'),
      startDate: r.read('startDate', parseDate) ?? undefined,
      endDate: r.read('endDate', parseDate) ?? undefined,
      status: r.read('status', (t) => parseChoice(t, ACCREDITATION_STATUSES, ACCREDITATION_STATUS_LABELS)) ?? undefined,
      reference: blankToNull(r.text('reference')),
      notes: blankToNull(r.text('notes')),
    };
    for (const key of Object.keys(plain)) if (plain[key] === undefined) delete plain[key];
    const dto = await r.validate(CreateAccreditationDto, plain, FIELD_OF);
    if (r.errors.length > 0 || !holder) return rejected(r.errors, r.warnings);
    const status = dto.status ?? 'requested';
    const phases = dto.phases ?? [];
    try {
      checkCoverage(dto.cycle, dto.stageTypes, phases);
      if (DATED_STATUSES.includes(status) && !dto.startDate) {
        throw new DomainException(
          'BAD_INPUT',
          'startDate : obligatoire pour un agrément accordé, conditionnel ou expiré.',
        );
      }
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      r.domainError(error.message);
      return rejected(r.errors, r.warnings);
    }
    const key = keyOf(holder.row.id, dto.type, dto.startDate ?? null, dto.cycle);
    const label = `Agrément ${ACCREDITATION_TYPE_LABELS[dto.type].toLowerCase()} de ${holderName(holder)}`;
    const candidates = this.byKey.get(key) ?? [];
    if (candidates.length > 1) {
      return rejected(
        ['Plusieurs agréments de ce titulaire ont ce type et cette date de début : corrigez-les dans Maillage.'],
        r.warnings,
      );
    }
    const description = `${label}${dto.startDate ? ` du ${dto.startDate}` : ' (sans date)'}`;
    const existing = candidates[0];
    if (!existing) {
      return plannedCreate(description, r.warnings, () => this.create(dto, holder, label));
    }
    if (dto.status && dto.status !== existing.status) {
      r.fail(
        'status',
        `l’agrément existe au statut « ${ACCREDITATION_STATUS_LABELS[existing.status]} » : son statut change par les actions (instruire, accorder, retirer), pas par un import.`,
      );
      return rejected(r.errors, r.warnings);
    }
    const fields = Object.fromEntries(
      EDITABLE.filter((f) => f in plain || (f === 'phases' && 'stageTypes' in plain)).map((f) => [
        f,
        f === 'phases' ? phases : dto[f],
      ]),
    );
    let changes: Partial<Accreditation>;
    try {
      changes = changedFields(existing, editChanges(existing, fields, accreditationRulesOf(this.ctx.config)));
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      r.domainError(error.message);
      return rejected(r.errors, r.warnings);
    }
    if (Object.keys(changes).length === 0) {
      return plannedUnchanged(description, r.warnings, existing.id);
    }
    return plannedUpdate(description, r.warnings, existing.id, () => this.update(existing, changes, label));
  }

  /** The holder: an MSU by RPPS, else a site (SIRET or name), else an MSU by name. */
  private holder(r: FieldReader): Holder | null {
    const rpps = r.text('holderRpps')?.replace(/\s+/g, '');
    if (rpps) {
      const row = this.byRpps.get(rpps);
      if (!row) r.fail('holderRpps', `aucun professionnel de votre département n’a le numéro RPPS ${rpps}.`);
      return row ? { kind: 'professional', row } : null;
    }
    const site = r.text('holderSite');
    if (site) {
      const row = this.sites.resolve(site);
      if (typeof row === 'string') r.fail('holderSite', row);
      return typeof row === 'string' ? null : { kind: 'site', row };
    }
    const name = r.text('holderName');
    if (name) {
      const candidates = this.byName.get(fold(name)) ?? [];
      if (candidates.length !== 1) {
        r.fail(
          'holderName',
          candidates.length === 0
            ? `aucun professionnel « ${name} » dans votre département.`
            : `plusieurs professionnels s’appellent « ${name} » : indiquez le RPPS.`,
        );
      }
      return candidates.length === 1 ? { kind: 'professional', row: candidates[0] } : null;
    }
    r.errors.push('Titulaire manquant : renseignez le RPPS du MSU, le terrain agréé ou le nom du titulaire.');
    return null;
  }

  private async create(dto: CreateAccreditationDto, holder: Holder, label: string): Promise<ItemDraft> {
    const { manager, config } = this.ctx;
    const status = dto.status ?? 'requested';
    const afterWithdrawal = status === 'conditional' || (await followsWithdrawal(manager, holder, dto.cycle));
    const dates = resolveDates(
      dto.startDate ?? null,
      dto.endDate ?? null,
      dto.cycle,
      afterWithdrawal && status !== 'granted',
      accreditationRulesOf(config),
    );
    const repo = manager.getRepository(Accreditation);
    const saved = await repo.save(
      repo.create({
        cycle: dto.cycle,
        type: dto.type,
        stageTypes: dto.stageTypes,
        phases: dto.phases ?? [],
        maxStudents: dto.maxStudents,
        authority: dto.authority,
        ...dates,
        professionalId: holder.kind === 'professional' ? holder.row.id : null,
        siteId: holder.kind === 'site' ? holder.row.id : null,
        departementCode: holder.row.departementCode,
        status,
        afterWithdrawal,
        reference: dto.reference ?? null,
        notes: dto.notes ?? null,
        archivedAt: null,
      }),
    );
    await auditImported(this.ctx, ENTITY, saved, { holder: holderName(holder), ...accreditationSnapshot(saved) });
    return createdItem(ENTITY, saved, label);
  }

  private async update(existing: Accreditation, changes: Partial<Accreditation>, label: string): Promise<ItemDraft> {
    const before = Object.fromEntries(EDITABLE.map((f) => [f, existing[f]])) as AccreditationState;
    return updateImported(this.ctx, ACCREDITATION, existing, before, () => label, { changes: () => changes });
  }
}

function keyOf(holderId: string, type: string, startDate: string | null, cycle: string): string {
  return `${holderId}|${type}|${startDate ?? `sans-date-${cycle}`}`;
}

export const accreditationImport: ImportKindHandler = {
  kind: 'accreditations',
  fields: FIELDS,
  requireOneOf: [['holderRpps', 'holderSite', 'holderName']],

  async begin(ctx) {
    const where = { departementCode: ctx.departementCode, archivedAt: IsNull() };
    const professionals = await ctx.manager.getRepository(Professional).find({ where });
    const sites = await ctx.manager.getRepository(TrainingSite).find({ where });
    const accreditations = await ctx.manager.getRepository(Accreditation).find({ where });
    return new AccreditationsSession(ctx, professionals, new SiteResolver(sites), accreditations);
  },

  undo(ctx: ImportContext, item) {
    return undoImported(ctx, item, ACCREDITATION, () => ({ changes: () => item.before as AccreditationState }));
  },
};
