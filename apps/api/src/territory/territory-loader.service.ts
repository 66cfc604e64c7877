import { normalizeSearchText } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppConfig } from '../config/app-config';
import { Commune } from './entities/commune.entity';
import { Departement } from './entities/departement.entity';
import { Epci } from './entities/epci.entity';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}
interface EtalabDepartement {
  code: string;
  nom: string;
  region: string;
  chefLieu?: string;
}

export interface TerritoryLoadReport {
  departements: number;
  epcis: number;
  communes: number;
}

/**
 * Loads départements, intercommunalities and communes (with population) of the configured
 * départements from `@etalab/decoupage-administratif`. Idempotent: safe at every start.
 */
@Injectable()
export class TerritoryLoaderService {
  private readonly logger = new Logger(TerritoryLoaderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async load(codes: string[] = this.config.TERRITORY_DEPARTEMENTS): Promise<TerritoryLoadReport> {
    const allDepartements = require('@etalab/decoupage-administratif/data/departements.json') as EtalabDepartement[];
    const allCommunes = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
    const allEpcis = require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[];
    const departements = allDepartements.filter((d) => codes.includes(d.code));
    const unknown = codes.filter((c) => !departements.some((d) => d.code === c));
    if (unknown.length > 0)
      throw new Error(`Départements inconnus dans TERRITORY_DEPARTEMENTS : ${unknown.join(', ')}`);

    const communes = allCommunes.filter((c) => c.type === 'commune-actuelle' && codes.includes(c.departement));
    const communeCodes = new Set(communes.map((c) => c.code));
    const epciOf = new Map<string, string>();
    const epcis = allEpcis.filter((e) => {
      const members = e.membres.filter((m) => communeCodes.has(m.code));
      members.forEach((m) => epciOf.set(m.code, e.code));
      return members.length > 0;
    });

    await this.db.transaction(async (manager) => {
      await manager.upsert(
        Departement,
        departements.map((d) => ({ code: d.code, name: d.nom, regionCode: d.region, chefLieu: d.chefLieu ?? null })),
        ['code'],
      );
      await manager.upsert(
        Epci,
        epcis.map((e) => ({ siren: e.code, name: e.nom, kind: e.type, population: e.populationTotale ?? null })),
        ['siren'],
      );
      for (let i = 0; i < communes.length; i += 1000) {
        await manager.upsert(
          Commune,
          communes.slice(i, i + 1000).map((c) => ({
            code: c.code,
            name: c.nom,
            searchName: normalizeSearchText(c.nom),
            departementCode: c.departement,
            epciSiren: epciOf.get(c.code) ?? null,
            population: c.population ?? null,
            postalCodes: c.codesPostaux ?? [],
          })),
          ['code'],
        );
      }
    });
    const report = { departements: departements.length, epcis: epcis.length, communes: communes.length };
    this.logger.log({ msg: 'territory loaded', ...report });
    return report;
  }
}
