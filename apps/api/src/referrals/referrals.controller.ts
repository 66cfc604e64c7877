import type { AuthUser, CandidateReferralView, Page, ReferralFollowUpView } from '@maillage/shared/domain';
import { Body, Controller, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ActionRoute, CreateRoute, IdParam, ReadRoute } from '../common/routes/route.decorators';
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

@ApiTags('candidate-referrals')
@Controller('candidate-referrals')
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly actions: ReferralActionsService,
  ) {}

  @ReadRoute(
    'referrals.read',
    undefined,
    'Liste les signalements : nouveaux d’abord, puis priorité haute, puis les plus récents. Le CDOM voit ceux du CDOM.',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListReferralsQuery): Promise<Page<CandidateReferralView>> {
    return this.referrals.list(user, query);
  }

  @ReadRoute('referrals.read', ':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<CandidateReferralView> {
    return this.referrals.get(user, id);
  }

  @CreateRoute('referrals.create', 'Signale un candidat MSU : un professionnel du registre, ou une identité minimale.')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateReferralDto): Promise<CandidateReferralView> {
    return this.referrals.create(user, dto);
  }

  @ActionRoute(
    'assign',
    'referrals.handle',
    'Attribue le signalement à un chargé de mission actif du département.',
    HttpStatus.CREATED,
  )
  assign(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: AssignReferralDto,
  ): Promise<CandidateReferralView> {
    return this.actions.assign(user, id, dto.version, dto);
  }

  @ApiOperation({ summary: 'Ajoute un suivi (appel, rencontre…) : le signalement passe « en cours de suivi ».' })
  @Allow('referrals.handle')
  @Post(':id/follow-ups')
  followUp(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: FollowUpDto,
  ): Promise<ReferralFollowUpView> {
    return this.actions.followUp(user, id, dto);
  }

  @ReadRoute(
    'referrals.readFollowUps',
    ':id/follow-ups',
    'Suivis du signalement, les plus récents d’abord (notes de travail : ni CDOM ni comité).',
  )
  followUps(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: HistoryPageQuery,
  ): Promise<Page<ReferralFollowUpView>> {
    return this.actions.followUps(user, id, query);
  }

  @ActionRoute(
    'close',
    'referrals.handle',
    'Clôt le signalement (converti, a décliné, non éligible) ; « converti » fait entrer le professionnel dans le parcours MSU.',
    HttpStatus.CREATED,
  )
  close(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CloseReferralDto,
  ): Promise<CandidateReferralView> {
    return this.actions.close(user, id, dto.version, dto);
  }
}
