import { QueryFailedError } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';

export const DUPLICATE_RPPS_MESSAGE = 'Un professionnel avec ce numéro RPPS existe déjà.';

/** The partial unique index on live RPPS numbers of a département, hit by a race the service check did not see. */
export function isDuplicateRpps(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string } | undefined;
  return driver?.code === '23505' && driver.constraint === 'uq_professionals_dep_rpps_live';
}

/** Runs a write and answers a duplicate live RPPS with the 409 the users understand. */
export async function withRppsConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isDuplicateRpps(error) ? new DomainException('DUPLICATE', DUPLICATE_RPPS_MESSAGE) : error;
  }
}
