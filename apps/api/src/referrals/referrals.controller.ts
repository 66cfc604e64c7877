import type { AuthUser, CandidateReferralView, Page, ReferralFollowUpView } from '@maillage/shared/domain';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { HistoryPageQuery } from '../professionals/dto/stage.dto';
import {
  AssignReferralDto,
  CloseReferralDto,
  CreateReferralDto,
  FollowUpDto,
  ListReferralsQuery,
} from './dto/referral.dto';
import { ReferralActionsService } from './referral-actions.service';
import { ReferralsService } from './referrals.service';

const IF_MATCH = { name: 'If-Match', required: false };

@ApiTags('candidate-referrals')
@Controller('candidate-referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly actions: ReferralActionsService,
  ) {}

  @ApiOperation({
    summary:
      'Liste les signalements : nouveaux d’abord, puis priorité haute, puis les plus récents. Le CDOM voit ceux du CDOM.',
  })
  @Allow('referrals.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListReferralsQuery): Promise<Page<CandidateReferralView>> {
    return this.referrals.list(user, query);
  }

  @Allow('referrals.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<CandidateReferralView> {
    return this.referrals.get(user, id);
  }

  @ApiOperation({ summary: 'Signale un candidat MSU : un professionnel du registre, ou une identité minimale.' })
  @Allow('referrals.create')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateReferralDto): Promise<CandidateReferralView> {
    return this.referrals.create(user, dto);
  }

  @ApiOperation({ summary: 'Attribue le signalement à un chargé de mission actif du département.' })
  @ApiHeader(IF_MATCH)
  @Allow('referrals.handle')
  @Post(':id/assign')
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: AssignReferralDto,
  ): Promise<CandidateReferralView> {
    return this.actions.assign(user, id, dto.version, dto);
  }

  @ApiOperation({ summary: 'Ajoute un suivi (appel, rencontre…) : le signalement passe « en cours de suivi ».' })
  @Allow('referrals.handle')
  @Post(':id/follow-ups')
  followUp(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: FollowUpDto,
  ): Promise<ReferralFollowUpView> {
    return this.actions.followUp(user, id, dto);
  }

  @ApiOperation({ summary: 'Suivis du signalement, les plus récents d’abord (notes de travail : ni CDOM ni comité).' })
  @Allow('referrals.readFollowUps')
  @Get(':id/follow-ups')
  followUps(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<ReferralFollowUpView>> {
    return this.actions.followUps(user, id, query);
  }

  @ApiOperation({
    summary:
      'Clôt le signalement (converti, a décliné, non éligible) ; « converti » fait entrer le professionnel dans le parcours MSU.',
  })
  @ApiHeader(IF_MATCH)
  @Allow('referrals.handle')
  @Post(':id/close')
  close(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: CloseReferralDto,
  ): Promise<CandidateReferralView> {
    return this.actions.close(user, id, dto.version, dto);
  }
}
