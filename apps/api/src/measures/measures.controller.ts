import type { AuthUser, MeasureBudgetSummary, MeasureDetail, MeasurePage } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { OptionalVersionDto } from '../common/validation/version.dto';
import { ListMeasuresQuery, MeasureSummaryQuery } from './dto/list-measures.query';
import { CreateMeasureDto, UpdateMeasureDto } from './dto/measure.dto';
import { SupportMeasuresService } from './measures.service';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};

@ApiTags('support-measures')
@Controller('support-measures')
export class SupportMeasuresController {
  constructor(private readonly measures: SupportMeasuresService) {}

  @ApiOperation({ summary: 'Liste les dispositifs, avec les budgets cumulés de tous ceux qui répondent aux filtres.' })
  @Allow('measures.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListMeasuresQuery): Promise<MeasurePage> {
    return this.measures.list(user, query);
  }

  @ApiOperation({ summary: 'Budgets prévus et engagés par type de dispositif.' })
  @Allow('measures.read')
  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() query: MeasureSummaryQuery): Promise<MeasureBudgetSummary> {
    return this.measures.summary(user, query);
  }

  @ApiOperation({ summary: 'Un dispositif, avec ses terrains, ses difficultés et ses indicateurs.' })
  @Allow('measures.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<MeasureDetail> {
    return this.measures.get(user, id);
  }

  @ApiOperation({ summary: 'Crée un dispositif (budget engagé ≤ budget prévu, fin ≥ début).' })
  @Allow('measures.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateMeasureDto): Promise<MeasureDetail> {
    return this.measures.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie un dispositif à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('measures.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateMeasureDto,
  ): Promise<MeasureDetail> {
    return this.measures.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive un dispositif (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('measures.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.measures.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure un dispositif archivé.' })
  @ApiHeader(IF_MATCH)
  @Allow('measures.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<MeasureDetail> {
    return this.measures.setArchived(user, id, dto.version, false);
  }
}
