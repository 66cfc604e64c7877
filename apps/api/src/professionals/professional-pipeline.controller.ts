import type {
  AuthUser,
  MsuStageEventView,
  Page,
  ProfessionalDetail,
  TrainingSessionView,
} from '@maillage/shared/domain';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { CreateTrainingSessionDto, HistoryPageQuery, MoveStageDto } from './dto/stage.dto';
import { ProfessionalPipelineService } from './professional-pipeline.service';

@ApiTags('professionals')
@Controller('professionals/:id')
export class ProfessionalPipelineController {
  constructor(private readonly pipeline: ProfessionalPipelineService) {}

  @ApiOperation({
    summary:
      'Fait avancer (ou reculer) un professionnel dans le parcours MSU, avec date et note ; 409 si le passage est interdit.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @Allow('professionals.write')
  @Post('stage')
  moveStage(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: MoveStageDto,
  ): Promise<ProfessionalDetail> {
    return this.pipeline.moveStage(user, id, dto.version, dto);
  }

  @ApiOperation({ summary: 'Historique du parcours MSU, du plus ancien au plus récent.' })
  @Allow('professionals.read')
  @Get('stage-events')
  stageEvents(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<MsuStageEventView>> {
    return this.pipeline.stageEvents(user, id, query);
  }

  @ApiOperation({ summary: 'Sessions de formation continue MSU, les plus récentes d’abord.' })
  @Allow('professionals.read')
  @Get('training-sessions')
  trainingSessions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<TrainingSessionView>> {
    return this.pipeline.trainingSessions(user, id, query);
  }

  @ApiOperation({ summary: 'Ajoute une session de formation continue.' })
  @Allow('professionals.write')
  @Post('training-sessions')
  addTrainingSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CreateTrainingSessionDto,
  ): Promise<TrainingSessionView> {
    return this.pipeline.addTrainingSession(user, id, dto);
  }
}
