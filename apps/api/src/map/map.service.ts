import {
  type MapCommune,
  type MapData,
  type MapSite,
  nextSemester,
  semesterLabel,
  semesterOf,
  semesterRange,
  type SiteKind,
  type SiteStatus,
  type Zonage,
  ZONAGE_LABELS,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Clock } from '../common/clock/clock';
import { DomainException } from '../common/errors/domain-exception';
import { type Actor, visibleDepartements } from '../common/scope/territory-scope';
import { type CachedFigures, FigureCache } from '../figure-cache/figure-cache.service';
import { generalPractitionerDensity, rppsDirectoryLoadedAt } from '../figures/gp-density';
import type { MapQuery } from './dto/map.query';
import { COMMUNES_SQL, ISSUES_SQL, PLACES_SQL, PROFESSIONALS_SQL, SITES_SQL } from './map.sql';

interface CommuneRow {
  code: string;
  name: string;
  population: number | null;
  epciSiren: string | null;
  epciName: string | null;
  zonage: Zonage | null;
  hasContour: boolean;
  anchorLatitude: number | null;
  anchorLongitude: number | null;
}

interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  communeCode: string;
  latitude: number | null;
  longitude: number | null;
}

/** The map of a département: five aggregate queries run side by side, merged per commune, cached. */
@Injectable()
export class MapService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly cache: FigureCache,
  ) {}

  /** The map as JSON, computed once per day and served from the figure cache until a write changes it. */
  async get(actor: Actor, query: MapQuery): Promise<CachedFigures> {
    const visible = visibleDepartements(actor);
    if (visible && query.departement && !visible.includes(query.departement)) {
      throw new DomainException('FORBIDDEN', 'Vous ne pouvez pas consulter un autre département que le vôtre.');
    }
    const deps = query.departement ? [query.departement] : visible;
    const today = this.clock.today();
    return this.cache.get(`map:${today}`, deps, () => this.compute(deps, today));
  }

  private async compute(deps: string[] | null, today: string): Promise<MapData> {
    const semester = nextSemester(semesterOf(today));
    const q = <T>(sql: string, params: unknown[]) => this.db.query<T[]>(sql, params);

    const [communeRows, pros, issues, places, siteRows, directoryLoadedAt, byCommune, byEpci, byDepartement] =
      await Promise.all([
        q<CommuneRow>(COMMUNES_SQL, [deps, today]),
        q<{ communeCode: string; msus: number }>(PROFESSIONALS_SQL, [deps]),
        q<{ communeCode: string; openIssues: number }>(ISSUES_SQL, [deps]),
        q<{ communeCode: string; placesOffered: number }>(PLACES_SQL, [deps, semesterRange(semester).start]),
        q<SiteRow>(SITES_SQL, [deps]),
        rppsDirectoryLoadedAt(this.db.manager),
        generalPractitionerDensity(this.db.manager, 'commune', deps),
        generalPractitionerDensity(this.db.manager, 'epci', deps),
        deps?.length === 1 ? generalPractitionerDensity(this.db.manager, 'departement', deps) : Promise.resolve([]),
      ]);
    // Without a directory, no density at all (never the count of an empty table).
    const densityOf = new Map(directoryLoadedAt ? byCommune.map((r) => [r.code, r]) : []);

    const prosOf = new Map(pros.map((r) => [r.communeCode, r]));
    const issuesOf = new Map(issues.map((r) => [r.communeCode, r.openIssues]));
    const placesOf = new Map(places.map((r) => [r.communeCode, r.placesOffered]));
    const communeOf = new Map(communeRows.map((c) => [c.code, c]));

    const communes: MapCommune[] = communeRows.map((c) => {
      const density = densityOf.get(c.code);
      return {
        code: c.code,
        name: c.name,
        population: c.population,
        epci: c.epciSiren ? { siren: c.epciSiren, name: c.epciName ?? '' } : null,
        gps: density?.generalPractitioners ?? null,
        gpsPer10000: density?.per10000 ?? null,
        msus: prosOf.get(c.code)?.msus ?? 0,
        placesOffered: placesOf.get(c.code) ?? 0,
        openIssues: issuesOf.get(c.code) ?? 0,
        zonage: c.zonage ? { code: c.zonage, label: ZONAGE_LABELS[c.zonage] } : null,
        hasContour: c.hasContour,
      };
    });
    const sites: MapSite[] = siteRows.map((s) => placeSite(s, communeOf.get(s.communeCode)));

    return {
      departementCode: deps?.length === 1 ? deps[0] : null,
      computedOn: today,
      semester: { code: semester, label: semesterLabel(semester) },
      communes,
      sites,
      generalPractitioners: {
        directoryLoadedAt,
        departement: (directoryLoadedAt && byDepartement[0]) || null,
        epcis: directoryLoadedAt ? byEpci : [],
      },
      contours: {
        available: communes.some((c) => c.hasContour),
        communes: communes.filter((c) => c.hasContour).length,
      },
    };
  }
}

/** A site at its own coordinates, else at its commune's anchor, else unplaced. */
export function placeSite(site: SiteRow, commune: CommuneRow | undefined): MapSite {
  const base = {
    id: site.id,
    name: site.name,
    kind: site.kind,
    status: site.status,
    communeCode: site.communeCode,
    communeName: commune?.name ?? site.communeCode,
  };
  if (site.latitude !== null && site.longitude !== null) {
    return { ...base, latitude: site.latitude, longitude: site.longitude, position: 'site' };
  }
  if (commune && commune.anchorLatitude !== null && commune.anchorLongitude !== null) {
    return { ...base, latitude: commune.anchorLatitude, longitude: commune.anchorLongitude, position: 'commune' };
  }
  return { ...base, latitude: null, longitude: null, position: null };
}
