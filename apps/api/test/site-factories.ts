import { type MsuStage, normalizeSearchText } from '@maillage/shared/domain';

import { Professional } from '../src/professionals/professional.entity';
import type { TestApp } from './test-app';

export type Body = Record<string, unknown>;

let sequence = 0;

/** A valid body for `POST /api/sites` (Melun, N1 ×2); each call gets a new name. */
export function buildSite(overrides: Body = {}): Body {
  sequence += 1;
  return {
    name: `Maison de santé ${sequence}`,
    kind: 'msp',
    status: 'active',
    addressLine1: `${sequence} rue du Général de Gaulle`,
    postalCode: '77000',
    communeCode: '77288',
    latitude: 48.5397,
    longitude: 2.6553,
    siret: VALID_SIRET,
    publicTransport: true,
    distanceToChuKm: 42.5,
    capacities: [{ stageType: 'N1', places: 2 }],
    ...overrides,
  };
}

/** A valid body for `POST /api/accreditations` (3rd cycle, requested). */
export function buildAccreditation(
  holder: { professionalId: string } | { siteId: string },
  overrides: Body = {},
): Body {
  return {
    ...holder,
    cycle: '3',
    type: 'principal',
    stageTypes: ['N1'],
    phases: ['socle'],
    maxStudents: 2,
    authority: 'Directeur général de l’ARS Île-de-France',
    ...overrides,
  };
}

/**
 * A professional written straight to the database: the professionals API belongs to another
 * module, these tests only need records to link to.
 */
export async function insertProfessional(
  t: TestApp,
  overrides: Partial<Pick<Professional, 'firstName' | 'lastName' | 'msuStage' | 'departementCode' | 'archivedAt'>> = {},
): Promise<Professional> {
  sequence += 1;
  const firstName = overrides.firstName ?? 'Claire';
  const lastName = overrides.lastName ?? `Martin${sequence}`;
  const msuStage: MsuStage = overrides.msuStage ?? 'active';
  const repo = t.db.getRepository(Professional);
  return repo.save(
    repo.create({
      civility: 'DR',
      firstName,
      lastName,
      searchText: normalizeSearchText(`${firstName} ${lastName}`),
      msuStage,
      msuStageSince: '2024-01-01',
      departementCode: overrides.departementCode ?? '77',
      archivedAt: overrides.archivedAt ?? null,
    }),
  );
}

/** A synthetic, Luhn-valid SIRET (and the same with a wrong key). */
export const VALID_SIRET = '21770288600011';
export const INVALID_SIRET = '21770288600012';

/** ISO date `days` from today (UTC calendar; tests keep a margin of several days). */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
