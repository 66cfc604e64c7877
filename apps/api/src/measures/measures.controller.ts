import type { AuthUser, MeasureBudgetSummary, MeasureDetail, MeasurePage } from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { ListMeasuresQuery, MeasureSummaryQuery } from './dto/list-measures.query';
import { CreateMeasureDto, UpdateMeasureDto } from './dto/measure.dto';
import { SupportMeasuresService } from './measures.service';

@ApiTags('support-measures')
@Controller('support-measures')
export class SupportMeasuresController extends ArchiveRoutes<MeasureDetail>({
  permission: 'measures.write',
  archive: 'Archive un dispositif (restaurable, son historique est gardé).',
  restore: 'Restaure un dispositif archivé.',
}) {
  constructor(private readonly measures: SupportMeasuresService) {
    super(measures);
  }

  @ReadRoute(
    'measures.read',
    undefined,
    'Liste les dispositifs, avec les budgets cumulés de tous ceux qui répondent aux filtres.',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListMeasuresQuery): Promise<MeasurePage> {
    return this.measures.list(user, query);
  }

  @ReadRoute('measures.read', 'summary', 'Budgets prévus et engagés par type de dispositif.')
  summary(@CurrentUser() user: AuthUser, @Query() query: MeasureSummaryQuery): Promise<MeasureBudgetSummary> {
    return this.measures.summary(user, query);
  }

  @ReadRoute('measures.read', ':id', 'Un dispositif, avec ses terrains, ses difficultés et ses indicateurs.')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<MeasureDetail> {
    return this.measures.get(user, id);
  }

  @CreateRoute('measures.write', 'Crée un dispositif (budget engagé ≤ budget prévu, fin ≥ début).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMeasureDto): Promise<MeasureDetail> {
    return this.measures.create(user, dto);
  }

  @UpdateRoute('measures.write', 'Modifie un dispositif à partir de la version lue ; 409 si elle est périmée.')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateMeasureDto): Promise<MeasureDetail> {
    return this.measures.update(user, id, dto);
  }
}
