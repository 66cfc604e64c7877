import type { AccreditationDetail, AccreditationSummary, AuthUser, Page } from '@maillage/shared/domain';
import { Body, Controller, HttpStatus, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { ActionRoute, CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { AccreditationsService } from './accreditations.service';
import {
  AccreditationActionDto,
  GrantAccreditationDto,
  RenewAccreditationDto,
  WithdrawAccreditationDto,
} from './dto/accreditation-actions.dto';
import { CreateAccreditationDto, UpdateAccreditationDto } from './dto/accreditation.dto';
import { ListAccreditationsQuery } from './dto/list-accreditations.query';

@ApiTags('accreditations')
@Controller('accreditations')
export class AccreditationsController extends ArchiveRoutes<AccreditationDetail>({
  permission: 'accreditations.write',
  archive: 'Archive un agrément (restaurable, son historique est gardé).',
  restore: 'Restaure un agrément archivé.',
}) {
  constructor(private readonly accreditations: AccreditationsService) {
    super(accreditations);
  }

  @ReadRoute('accreditations.read', undefined, 'Liste les agréments (validité, expiration prochaine, titulaire…).')
  list(@CurrentUser() user: AuthUser, @Query() query: ListAccreditationsQuery): Promise<Page<AccreditationSummary>> {
    return this.accreditations.list(user, query);
  }

  @ReadRoute('accreditations.read', ':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AccreditationDetail> {
    return this.accreditations.get(user, id);
  }

  @CreateRoute('accreditations.write', 'Enregistre une demande d’agrément (ou un agrément passé, avec ses dates).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccreditationDto): Promise<AccreditationDetail> {
    return this.accreditations.create(user, dto);
  }

  @UpdateRoute('accreditations.write', 'Modifie un agrément à partir de la version lue ; 409 si elle est périmée.')
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateAccreditationDto,
  ): Promise<AccreditationDetail> {
    return this.accreditations.update(user, id, dto);
  }

  @ActionRoute('review', 'accreditations.write', 'Met la demande en instruction.')
  review(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: AccreditationActionDto) {
    return this.accreditations.review(user, id, dto);
  }

  @ActionRoute('grant', 'accreditations.write', 'Accorde l’agrément (conditionnel, pour un an, après un retrait).')
  grant(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: GrantAccreditationDto) {
    return this.accreditations.grant(user, id, dto);
  }

  @ActionRoute('withdraw', 'accreditations.write', 'Retire l’agrément à une date, avec un motif.')
  withdraw(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: WithdrawAccreditationDto) {
    return this.accreditations.withdraw(user, id, dto);
  }

  @ActionRoute(
    'renew',
    'accreditations.write',
    'Renouvelle l’agrément : un nouvel agrément qui commence le lendemain de sa fin (201, le renouvellement).',
    HttpStatus.CREATED,
  )
  renew(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: RenewAccreditationDto) {
    return this.accreditations.renew(user, id, dto);
  }

  @ActionRoute('expire', 'accreditations.write', 'Constate l’expiration de l’agrément.')
  expire(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: AccreditationActionDto) {
    return this.accreditations.expire(user, id, dto);
  }
}
