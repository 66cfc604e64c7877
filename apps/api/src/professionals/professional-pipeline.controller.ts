import type {
  AuthUser,
  MsuStageEventView,
  Page,
  ProfessionalDetail,
  TrainingSessionView,
} from '@maillage/shared/domain';
import { Body, Controller, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ActionRoute, IdParam, ReadRoute } from '../common/routes/route.decorators';
import { CreateTrainingSessionDto, HistoryPageQuery, MoveStageDto } from './dto/stage.dto';
import { ProfessionalPipelineService } from './professional-pipeline.service';

@ApiTags('professionals')
@Controller('professionals')
export class ProfessionalPipelineController {
  constructor(private readonly pipeline: ProfessionalPipelineService) {}

  @ActionRoute(
    'stage',
    'professionals.write',
    'Fait avancer (ou reculer) un professionnel dans le parcours MSU, avec date et note ; 409 si le passage est interdit.',
    HttpStatus.CREATED,
  )
  moveStage(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: MoveStageDto,
  ): Promise<ProfessionalDetail> {
    return this.pipeline.moveStage(user, id, dto.version, dto);
  }

  @ReadRoute('professionals.read', ':id/stage-events', 'Historique du parcours MSU, du plus ancien au plus récent.')
  stageEvents(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<MsuStageEventView>> {
    return this.pipeline.stageEvents(user, id, query);
  }

  @ReadRoute(
    'professionals.read',
    ':id/training-sessions',
    'Sessions de formation continue MSU, les plus récentes d’abord.',
  )
  trainingSessions(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<TrainingSessionView>> {
    return this.pipeline.trainingSessions(user, id, query);
  }

  @ApiOperation({ summary: 'Ajoute une session de formation continue.' })
  @Allow('professionals.write')
  @Post(':id/training-sessions')
  addTrainingSession(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateTrainingSessionDto,
  ): Promise<TrainingSessionView> {
    return this.pipeline.addTrainingSession(user, id, dto);
  }
}
