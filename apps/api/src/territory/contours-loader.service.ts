import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { DataSource, In } from 'typeorm';

import { allowLongStatements } from '../common/persistence/long-statements';
import { AppConfig } from '../config/app-config';
import { communeAnchor } from './commune-anchor';
import { CommuneContour } from './entities/commune-contour.entity';
import { Commune } from './entities/commune.entity';

export interface ContourRejection {
  code: string | null;
  name: string | null;
  reason: string;
}

export interface ContoursReport {
  source: string;
  loaded: number;
  rejected: ContourRejection[];
  /** Communes of the territory that still have no contour. */
  missing: string[];
}

interface Feature {
  type?: unknown;
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

const CODE_PROPERTIES = ['code', 'INSEE_COM', 'insee', 'code_insee', 'codgeo'];
const NAME_PROPERTIES = ['nom', 'NOM', 'NOM_COM', 'name'];

/**
 * Loads commune contours from a GeoJSON FeatureCollection (file path or http(s) URL), e.g.
 * geo.api.gouv.fr `/communes?codeDepartement=77&format=geojson&geometry=contour`.
 * Features outside the territory or with an unusable geometry are reported, never loaded.
 */
@Injectable()
export class ContoursLoaderService {
  private readonly logger = new Logger(ContoursLoaderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async loadFrom(source: string): Promise<ContoursReport> {
    return this.loadCollection(await readSource(source), source);
  }

  async loadCollection(collection: unknown, source: string): Promise<ContoursReport> {
    const features = featuresOf(collection);
    const codes = features.map((f) => pick(f.properties, CODE_PROPERTIES)).filter((c): c is string => c !== null);
    const known = new Set(
      (await this.db.getRepository(Commune).find({ select: { code: true }, where: { code: In(codes) } })).map(
        (c) => c.code,
      ),
    );
    const rejected: ContourRejection[] = [];
    const accepted = new Map<string, Record<string, unknown>>();
    for (const feature of features) {
      const code = pick(feature.properties, CODE_PROPERTIES);
      const name = pick(feature.properties, NAME_PROPERTIES);
      const reason = rejectionOf(feature, code, known, accepted);
      if (reason) rejected.push({ code, name, reason });
      else accepted.set(code as string, feature.geometry as Record<string, unknown>);
    }
    await this.db.transaction(async (manager) => {
      await allowLongStatements(manager, this.config.BULK_STATEMENT_TIMEOUT_MS);
      const rows = [...accepted].map(([communeCode, geometry]) => {
        const anchor = communeAnchor(geometry);
        return {
          communeCode,
          geometry,
          source: source.slice(0, 500),
          anchorLatitude: anchor?.latitude ?? null,
          anchorLongitude: anchor?.longitude ?? null,
        };
      });
      for (let i = 0; i < rows.length; i += 200) {
        await manager.getRepository(CommuneContour).upsert(rows.slice(i, i + 200) as never, ['communeCode']);
      }
    });
    const missing = (
      await this.db.query<{ code: string }[]>(
        'SELECT c.code FROM communes c LEFT JOIN commune_contours k ON k.commune_code = c.code WHERE k.commune_code IS NULL ORDER BY c.code',
      )
    ).map((r) => r.code);
    const report = { source, loaded: accepted.size, rejected, missing };
    for (const r of rejected) this.logger.warn({ msg: 'contour rejected', ...r });
    this.logger.log({
      msg: 'contours loaded',
      source,
      loaded: report.loaded,
      rejected: rejected.length,
      missing: missing.length,
    });
    return report;
  }
}

function rejectionOf(
  feature: Feature,
  code: string | null,
  known: Set<string>,
  accepted: Map<string, unknown>,
): string | null {
  if (!code) return 'pas de code INSEE dans les propriétés (code, INSEE_COM…)';
  if (!known.has(code)) return 'commune hors du territoire de cette installation (ou disparue)';
  if (accepted.has(code)) return 'commune présente deux fois dans le fichier';
  const type = feature.geometry?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return 'géométrie absente ou qui n’est pas un polygone';
  if (!Array.isArray(feature.geometry?.coordinates) || feature.geometry.coordinates.length === 0) {
    return 'coordonnées absentes';
  }
  return null;
}

async function readSource(source: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new Error(`Contours : ${source} a répondu ${response.status}`);
    text = await response.text();
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(
        code === 'ENOENT'
          ? `Contours : le fichier ${source} n’existe pas`
          : `Contours : lecture de ${source} impossible (${code ?? 'erreur'})`,
      );
    }
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`Contours : ${source} n’est pas un fichier JSON valide`);
  }
}

function featuresOf(collection: unknown): Feature[] {
  const c = collection as { type?: unknown; features?: unknown };
  if (c?.type !== 'FeatureCollection' || !Array.isArray(c.features)) {
    throw new Error('Contours : un GeoJSON « FeatureCollection » est attendu');
  }
  return c.features as Feature[];
}

function pick(properties: Record<string, unknown> | null | undefined, names: string[]): string | null {
  for (const name of names) {
    const value = properties?.[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return null;
}
