import {
  AUDIT_ENTITY_TYPES,
  capacityFieldKey,
  IMPORT_FIELDS,
  normalizeSearchText,
  SITE_KIND_LABELS,
  SITE_KINDS,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  type SiteKind,
  type SiteStatus,
  STAGE_TYPES,
  type StageType,
} from '@maillage/shared/domain';
import { In, IsNull } from 'typeorm';

import { CreateSiteDto, type UpdateSiteDto } from '../../sites/dto/site.dto';
import { SiteCapacity } from '../../sites/site-capacity.entity';
import { siteSnapshot } from '../../sites/site-views';
import { insertSite, replaceCapacities, siteColumns } from '../../sites/site-writes';
import { TrainingSite } from '../../sites/training-site.entity';
import { Commune } from '../../territory/entities/commune.entity';
import { parseBoolean, parseChoice, parseInteger, parseNumber } from '../cells';
import type { ImportItem } from '../entities/import-item.entity';
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

const FIELDS = IMPORT_FIELDS.sites;
const ENTITY = AUDIT_ENTITY_TYPES.site;
const SITE: ImportedRecord<TrainingSite> = {
  target: TrainingSite,
  entityType: ENTITY,
  label: 'Terrain de stage',
  snapshot: siteSnapshot,
};

const KIND_SYNONYMS: Record<string, SiteKind> = {
  cabinet: 'cabinet_individuel',
  'cabinet medical': 'cabinet_individuel',
  'cabinet de groupe medical': 'cabinet_groupe',
  'maison de sante pluriprofessionnelle': 'msp',
  'maison de sante': 'msp',
  'centre de sante': 'centre_sante',
  cds: 'centre_sante',
  msd: 'maison_sante_departementale',
  'centre pmi': 'pmi',
  'protection maternelle et infantile': 'pmi',
};
const STATUS_SYNONYMS: Record<string, SiteStatus> = { actif: 'active', ferme: 'closed', suspendu: 'suspended' };

/** The importable state of a site, kept before an update so that undo can put it back. */
type SiteState = Pick<
  TrainingSite,
  | 'name'
  | 'kind'
  | 'status'
  | 'addressLine1'
  | 'addressLine2'
  | 'postalCode'
  | 'communeCode'
  | 'latitude'
  | 'longitude'
  | 'siret'
  | 'housingOnSite'
  | 'housingNearby'
  | 'publicTransport'
  | 'parking'
  | 'distanceToChuKm'
  | 'notes'
> & { capacities: { stageType: StageType; places: number }[] };

const COLUMNS = [
  'name',
  'kind',
  'status',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'communeCode',
  'latitude',
  'longitude',
  'siret',
  'housingOnSite',
  'housingNearby',
  'publicTransport',
  'parking',
  'distanceToChuKm',
  'notes',
] as const;

const fold = normalizeSearchText;
const label = (site: { name: string }) => `Terrain « ${site.name} »`;

class SitesSession implements ImportSession {
  private readonly bySiret = new Map<string, TrainingSite>();
  private readonly byName = new Map<string, TrainingSite[]>();
  private readonly communesByName = new Map<string, Commune[]>();

  constructor(
    private readonly ctx: ImportContext,
    sites: TrainingSite[],
    private readonly capacities: Map<string, Map<StageType, number>>,
    private readonly communes: Map<string, Commune>,
  ) {
    for (const site of sites) {
      if (site.siret) this.bySiret.set(site.siret, site);
      const key = `${fold(site.name)}|${site.communeCode}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), site]);
    }
    for (const commune of communes.values()) {
      const key = fold(commune.name);
      this.communesByName.set(key, [...(this.communesByName.get(key) ?? []), commune]);
    }
  }

  async plan(row: RowInput): Promise<PlannedRow> {
    const r = new FieldReader(row, FIELDS);
    const commune = this.commune(r);
    const plain: Record<string, unknown> = {
      name: r.text('name'),
      kind: r.read('kind', (t) => parseChoice(t, SITE_KINDS, SITE_KIND_LABELS, KIND_SYNONYMS)),
      status: r.read('status', (t) => parseChoice(t, SITE_STATUSES, SITE_STATUS_LABELS, STATUS_SYNONYMS)) ?? undefined,
      addressLine1: r.text('addressLine1'),
      addressLine2: blankToNull(r.text('addressLine2')),
      postalCode: r.text('postalCode'),
      communeCode: commune?.code,
      latitude: r.read('latitude', parseNumber),
      longitude: r.read('longitude', parseNumber),
      siret: blankToNull(r.text('siret')?.replace(/\s+/g, '')),
      housingOnSite: r.read('housingOnSite', (t) => parseBoolean(t) ?? false),
      housingNearby: r.read('housingNearby', (t) => parseBoolean(t) ?? false),
      publicTransport: r.read('publicTransport', (t) => parseBoolean(t) ?? false),
      parking: r.read('parking', (t) => parseBoolean(t) ?? false),
      distanceToChuKm: r.read('distanceToChuKm', parseNumber),
      notes: blankToNull(r.text('notes')),
    };
    for (const key of Object.keys(plain)) if (plain[key] === undefined) delete plain[key];
    const places = this.places(r);
    const dto = await r.validate(CreateSiteDto, plain);
    if (r.errors.length > 0 || !commune) return rejected(r.errors, r.warnings);
    const existing = this.match(r, dto, commune.code);
    if (r.errors.length > 0) return rejected(r.errors, r.warnings);
    const key = dto.siret ? `SIRET ${dto.siret}` : `« ${dto.name} » à ${commune.name}`;
    if (!existing) {
      const capacities = [...places].flatMap(([stageType, n]) => (n === null ? [] : [{ stageType, places: n }]));
      return plannedCreate(key, r.warnings, () => this.create(dto, commune, capacities));
    }
    const current = this.capacities.get(existing.id) ?? new Map<StageType, number>();
    const merged = new Map(current);
    for (const [stageType, n] of places) {
      if (n === null) merged.delete(stageType);
      else merged.set(stageType, n);
    }
    const mapped = Object.fromEntries(
      COLUMNS.filter((c) => c in plain).map((c) => [c, dto[c]]),
    ) as Partial<TrainingSite>;
    const changes = changedFields(existing, mapped);
    const capacitiesChanged = !sameCapacities(current, merged);
    if (Object.keys(changes).length === 0 && !capacitiesChanged) {
      return plannedUnchanged(key, r.warnings, existing.id);
    }
    return plannedUpdate(key, r.warnings, existing.id, () =>
      this.update(existing, changes, commune, capacitiesChanged ? merged : null, current),
    );
  }

  /** The commune from its INSEE code, else from its name (and postal code when two share a name). */
  private commune(r: FieldReader): Commune | null {
    const code = r.text('communeCode');
    if (code) {
      const commune = this.communes.get(code);
      if (!commune) r.fail('communeCode', `la commune ${code} n’est pas une commune de votre département.`);
      return commune ?? null;
    }
    const name = r.text('communeName');
    if (!name) {
      r.errors.push('Commune manquante : renseignez le code INSEE ou le nom de la commune.');
      return null;
    }
    const postalCode = r.text('postalCode');
    const candidates = (this.communesByName.get(fold(name)) ?? []).filter(
      (c, _, all) => all.length === 1 || !postalCode || c.postalCodes.includes(postalCode),
    );
    if (candidates.length === 1) return candidates[0];
    r.fail(
      'communeName',
      candidates.length === 0
        ? `aucune commune « ${name} » dans votre département.`
        : `plusieurs communes « ${name} » : indiquez le code INSEE.`,
    );
    return null;
  }

  private places(r: FieldReader): Map<StageType, number | null> {
    const places = new Map<StageType, number | null>();
    for (const stageType of STAGE_TYPES) {
      const key = capacityFieldKey(stageType);
      if (!r.has(key)) continue;
      const n = r.read(key, parseInteger);
      if (n === undefined) continue;
      if (n !== null && (n < 0 || n > 50)) r.fail(key, 'entre 0 et 50 places par semestre.');
      else places.set(stageType, n);
    }
    return places;
  }

  /** By SIRET, else by name and commune (a site without SIRET may receive one). */
  private match(r: FieldReader, dto: CreateSiteDto, communeCode: string): TrainingSite | null {
    if (dto.siret) {
      const bySiret = this.bySiret.get(dto.siret);
      if (bySiret) return bySiret;
    }
    const candidates = (this.byName.get(`${fold(dto.name)}|${communeCode}`) ?? []).filter(
      (s) => !dto.siret || s.siret === null,
    );
    if (candidates.length > 1) {
      r.fail('name', `plusieurs terrains portent ce nom dans cette commune : ajoutez leur SIRET pour les distinguer.`);
    }
    return candidates.length === 1 ? candidates[0] : null;
  }

  private async create(
    dto: CreateSiteDto,
    commune: Commune,
    capacities: { stageType: StageType; places: number }[],
  ): Promise<ItemDraft> {
    const { manager } = this.ctx;
    const site = await insertSite(manager, dto, commune, capacities);
    await auditImported(this.ctx, ENTITY, site, await siteSnapshot(manager, site));
    return createdItem(ENTITY, site, label(site));
  }

  private async update(
    existing: TrainingSite,
    changes: Partial<TrainingSite>,
    commune: Commune,
    capacities: Map<StageType, number> | null,
    current: Map<StageType, number>,
  ): Promise<ItemDraft> {
    const before: SiteState = { ...stateOf(existing), capacities: capacityList(current) };
    return updateImported(this.ctx, SITE, existing, before, label, {
      changes: () =>
        siteColumns(
          { ...changes, version: existing.version } as UpdateSiteDto,
          commune.name,
          changes.name ?? existing.name,
        ),
      after: async (site) => {
        if (capacities) await replaceCapacities(this.ctx.manager, site.id, capacityList(capacities));
      },
    });
  }
}

function stateOf(site: TrainingSite): Omit<SiteState, 'capacities'> {
  return Object.fromEntries(COLUMNS.map((c) => [c, site[c]])) as Omit<SiteState, 'capacities'>;
}

function capacityList(map: Map<StageType, number>): { stageType: StageType; places: number }[] {
  return STAGE_TYPES.filter((s) => map.has(s)).map((stageType) => ({
    stageType,
    places: map.get(stageType) as number,
  }));
}

function sameCapacities(a: Map<StageType, number>, b: Map<StageType, number>): boolean {
  return a.size === b.size && [...a].every(([stageType, n]) => b.get(stageType) === n);
}

export const siteImport: ImportKindHandler = {
  kind: 'sites',
  fields: FIELDS,
  requireOneOf: [['communeCode', 'communeName']],

  async begin(ctx) {
    const sites = await ctx.manager
      .getRepository(TrainingSite)
      .find({ where: { departementCode: ctx.departementCode, archivedAt: IsNull() } });
    const capacities = new Map<string, Map<StageType, number>>();
    const ids = sites.map((s) => s.id);
    for (let i = 0; i < ids.length; i += 5000) {
      for (const c of await ctx.manager
        .getRepository(SiteCapacity)
        .find({ where: { siteId: In(ids.slice(i, i + 5000)) } })) {
        capacities.set(c.siteId, (capacities.get(c.siteId) ?? new Map<StageType, number>()).set(c.stageType, c.places));
      }
    }
    const communes = await ctx.manager.getRepository(Commune).find({ where: { departementCode: ctx.departementCode } });
    return new SitesSession(ctx, sites, capacities, new Map(communes.map((c) => [c.code, c])));
  },

  undo(ctx: ImportContext, item: ImportItem) {
    return undoImported(ctx, item, SITE, async () => {
      const { capacities, ...columns } = item.before as SiteState;
      const commune = await ctx.manager.getRepository(Commune).findOneByOrFail({ code: columns.communeCode });
      return {
        changes: () => ({ ...columns, searchText: fold(`${columns.name} ${commune.name}`).slice(0, 400) }),
        after: (site) => replaceCapacities(ctx.manager, site.id, capacities),
      };
    });
  },
};
