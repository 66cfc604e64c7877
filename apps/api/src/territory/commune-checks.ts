import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { Commune } from './entities/commune.entity';

/** Every code must be a commune of the record's département; one query whatever the count. */
export async function assertCommunesIn(
  manager: EntityManager,
  codes: readonly string[],
  departementCode: string,
  field: string,
): Promise<void> {
  if (codes.length === 0) return;
  const unique = [...new Set(codes)];
  const found = await manager
    .getRepository(Commune)
    .find({ select: { code: true }, where: { code: In(unique), departementCode } });
  const known = new Set(found.map((c) => c.code));
  const outside = unique.filter((code) => !known.has(code));
  if (outside.length > 0) {
    throw new DomainException(
      'BAD_INPUT',
      `${field} : commune inconnue ou hors du territoire (${outside.join(', ')}).`,
    );
  }
}
