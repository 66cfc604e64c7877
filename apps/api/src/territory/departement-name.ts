import type { EntityManager } from 'typeorm';

import { Departement } from './entities/departement.entity';

/** The name of a département for documents' letterheads, or its code when it is not known. */
export async function departementNameOf(manager: EntityManager, code: string): Promise<string> {
  return (await manager.getRepository(Departement).findOneBy({ code }))?.name ?? code;
}
