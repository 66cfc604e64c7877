import {
  type AuthUser,
  isUnderServed,
  supervisionIncome,
  type SupervisionIncomeEstimate,
  todayInFrance,
} from '@maillage/shared/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { renderPdf } from '../common/pdf/pdf-renderer';
import { AppConfig, supervisionIncomeRulesOf } from '../config/app-config';
import { departementNameOf } from '../territory/departement-name';
import { properName, RppsDirectoryService } from './rpps-directory.service';
import { supervisionIncomeDocument } from './supervision-income.document';

/** What supervising would bring a GP of the directory, at each place where they practise. */
@Injectable()
export class SupervisionIncomeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: RppsDirectoryService,
    private readonly config: AppConfig,
  ) {}

  async estimate(actor: AuthUser, rpps: string): Promise<SupervisionIncomeEstimate> {
    const places = await this.directory.gpPlaces(actor, rpps);
    const codes = places.map((p) => p.communeCode);
    const [names, zonages] = [await this.directory.communeNames(codes), await this.directory.zonages(codes)];
    const rules = supervisionIncomeRulesOf(this.config);
    const first = places[0];
    return {
      rpps,
      name: `${properName(first.firstName)} ${properName(first.lastName)}`,
      places: places.map((p) => ({
        commune: { code: p.communeCode, name: names.get(p.communeCode) ?? p.communeLabel },
        structureName: p.structureName,
        income: supervisionIncome(zonages.get(p.communeCode) ?? null, rules),
      })),
    };
  }

  /** A one-page PDF for the place where supervising pays most (an under-served zone first). */
  async pdf(actor: AuthUser, rpps: string): Promise<{ filename: string; body: Buffer }> {
    const places = await this.directory.gpPlaces(actor, rpps);
    const estimate = await this.estimate(actor, rpps);
    const best = estimate.places.findIndex((p) => isUnderServed(p.income.zonage));
    const index = best >= 0 ? best : 0;
    const place = places[index];
    const body = await renderPdf(
      supervisionIncomeDocument(
        {
          departementName: await departementNameOf(this.db.manager, place.departementCode),
          practitioner: { name: `Dr ${estimate.name}`, rpps },
          place: {
            structureName: place.structureName,
            address: place.address,
            postalCode: place.postalCode,
            communeName: estimate.places[index].commune.name ?? place.communeCode,
          },
          otherPlaces: estimate.places
            .filter((_, i) => i !== index)
            .map((p) => [p.structureName, p.commune.name].filter(Boolean).join(', ')),
          income: estimate.places[index].income,
          contact: { name: actor.displayName, email: actor.email },
          today: todayInFrance(),
        },
        new Date(),
      ),
    );
    return { filename: `devenir-msu-${rpps}.pdf`, body };
  }
}
