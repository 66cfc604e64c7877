import type { AccreditationDetail, AccreditationSummary, AuthUser, Page } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { OptionalVersionDto } from '../common/validation/version.dto';
import { AccreditationsService } from './accreditations.service';
import {
  AccreditationActionDto,
  GrantAccreditationDto,
  WithdrawAccreditationDto,
} from './dto/accreditation-actions.dto';
import { CreateAccreditationDto, UpdateAccreditationDto } from './dto/accreditation.dto';
import { ListAccreditationsQuery } from './dto/list-accreditations.query';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};

@ApiTags('accreditations')
@Controller('accreditations')
export class AccreditationsController {
  constructor(private readonly accreditations: AccreditationsService) {}

  @ApiOperation({ summary: 'Liste les agréments (validité, expiration prochaine, titulaire…).' })
  @Allow('accreditations.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListAccreditationsQuery): Promise<Page<AccreditationSummary>> {
    return this.accreditations.list(user, query);
  }

  @Allow('accreditations.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<AccreditationDetail> {
    return this.accreditations.get(user, id);
  }

  @ApiOperation({ summary: 'Enregistre une demande d’agrément (ou un agrément passé, avec ses dates).' })
  @Allow('accreditations.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccreditationDto): Promise<AccreditationDetail> {
    return this.accreditations.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie un agrément à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateAccreditationDto,
  ): Promise<AccreditationDetail> {
    return this.accreditations.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Met la demande en instruction.' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Post(':id/review')
  @HttpCode(HttpStatus.OK)
  review(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: AccreditationActionDto) {
    return this.accreditations.review(user, id, dto);
  }

  @ApiOperation({ summary: 'Accorde l’agrément (conditionnel, pour un an, après un retrait).' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Post(':id/grant')
  @HttpCode(HttpStatus.OK)
  grant(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: GrantAccreditationDto) {
    return this.accreditations.grant(user, id, dto);
  }

  @ApiOperation({ summary: 'Retire l’agrément à une date, avec un motif.' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  withdraw(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: WithdrawAccreditationDto) {
    return this.accreditations.withdraw(user, id, dto);
  }

  @ApiOperation({ summary: 'Constate l’expiration de l’agrément.' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Post(':id/expire')
  @HttpCode(HttpStatus.OK)
  expire(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: AccreditationActionDto) {
    return this.accreditations.expire(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive un agrément (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.accreditations.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure un agrément archivé.' })
  @ApiHeader(IF_MATCH)
  @Allow('accreditations.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: OptionalVersionDto) {
    return this.accreditations.setArchived(user, id, dto.version, false);
  }
}
