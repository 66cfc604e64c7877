import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DomainException } from '../common/errors/domain-exception';
import { reportFilename } from '../common/pdf/french-format';
import { renderPdf } from '../common/pdf/pdf-renderer';
import { findScoped } from '../common/persistence/scoped-records';
import type { GeneratedFile } from '../common/routes/download';
import type { Actor } from '../common/scope/territory-scope';
import { TrainingSite } from '../sites/training-site.entity';
import { departementNameOf } from '../territory/departement-name';
import { Commune } from '../territory/entities/commune.entity';
import { SiteVisit } from './site-visit.entity';
import { assertMayRead } from './visit-participants';
import { type VisitReportData, visitReportDocument } from './visit-report.document';
import { visitDetail } from './visit-views';
import { VISIT_LABEL } from './visits.service';

/** The report of a done visit, as a PDF for the accreditation file of the site. */
@Injectable()
export class VisitReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async render(actor: Actor, id: string, generatedAt = new Date()): Promise<GeneratedFile> {
    const data = await this.load(actor, id);
    const body = await renderPdf(visitReportDocument(data, generatedAt));
    return { filename: reportFilename(data.site.name, data.visit.visitedOn), body };
  }

  private async load(actor: Actor, id: string): Promise<VisitReportData> {
    const manager = this.db.manager;
    const visit = await findScoped(manager, actor, SiteVisit, id, VISIT_LABEL);
    await assertMayRead(manager, actor, visit.id);
    if (visit.status !== 'done' || !visit.visitedOn) {
      throw new DomainException(
        'INVALID_STATE',
        'Le compte rendu n’existe qu’une fois la visite enregistrée (POST /api/site-visits/:id/record).',
      );
    }
    const site = await manager.getRepository(TrainingSite).findOneByOrFail({ id: visit.siteId });
    const [commune, departement, detail] = [
      await manager.getRepository(Commune).findOneBy({ code: site.communeCode }),
      await departementNameOf(manager, visit.departementCode),
      await visitDetail(manager, visit),
    ];
    return {
      departement: { code: visit.departementCode, name: departement },
      site: {
        name: site.name,
        kind: site.kind,
        addressLine1: site.addressLine1,
        addressLine2: site.addressLine2,
        postalCode: site.postalCode,
        communeName: commune?.name ?? site.communeCode,
        siret: site.siret,
      },
      visit: { ...detail, visitedOn: visit.visitedOn },
      reference: `VIS-${visit.visitedOn.slice(0, 4)}-${visit.id.slice(0, 8).toUpperCase()}`,
    };
  }
}
