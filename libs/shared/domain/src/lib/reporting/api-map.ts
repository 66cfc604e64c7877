import type { GpDensityRow } from '../data-io/rpps';
import type { SemesterCode } from '../fieldwork/semesters';
import type { SiteKind, SiteStatus } from '../registry/sites';
import type { Zonage } from '../territory';

/** One commune of the map with the figures the screen can shade it by. */
export interface MapCommune {
  /** INSEE code. */
  code: string;
  name: string;
  /** `null` when unknown. */
  population: number | null;
  epci: { siren: string; name: string } | null;
  /**
   * General practitioners with a place of practice in the commune, from the national directory
   * (RPPS; `GET /api/rpps/density`); `null` when no directory was ever loaded.
   */
  gps: number | null;
  /** `gps` per 10 000 inhabitants, rounded to 0.01; `null` when the population is unknown or 0, or no directory. */
  gpsPer10000: number | null;
  /** MSU (professionals at the "accredited" or "active" stage) practising at a live site of the commune. */
  msus: number;
  /** Places offered in the coming semester by the commune's active sites with an accreditation in force. */
  placesOffered: number;
  /** Live access issues open or in progress at a site of the commune. */
  openIssues: number;
  /** ARS zonage in force today, or `null` when none is recorded. */
  zonage: { code: Zonage; label: string } | null;
  /** Whether the commune has a contour to draw. */
  hasContour: boolean;
}

/**
 * Where the map draws a site: its own coordinates (`site`), its commune's anchor point (`commune`),
 * or nowhere (`null`: neither is known).
 */
export type MapSitePosition = 'site' | 'commune' | null;

export interface MapSite {
  id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  communeCode: string;
  communeName: string;
  /** The point drawn (see `position`); `null` together with `longitude` when the site cannot be placed. */
  latitude: number | null;
  longitude: number | null;
  position: MapSitePosition;
}

/** `GET /api/map`: the communes of a département with their figures, and its live sites. */
export interface MapData {
  /** `null`: every département (national administrator without `departement`). */
  departementCode: string | null;
  /** The day the figures were computed (Europe/Paris). */
  computedOn: string;
  /** The semester whose places are counted in `placesOffered`. */
  semester: { code: SemesterCode; label: string };
  communes: MapCommune[];
  sites: MapSite[];
  /**
   * General practitioners per 10 000 inhabitants from the national directory (RPPS), per EPCI and
   * for the département (`null` for every département); `directoryLoadedAt` `null`: never loaded,
   * and then `epcis` is empty and `departement` `null`.
   */
  generalPractitioners: { directoryLoadedAt: string | null; departement: GpDensityRow | null; epcis: GpDensityRow[] };
  /** Whether commune contours are loaded (`GET /api/communes/contours`), and for how many communes. */
  contours: { available: boolean; communes: number };
}
