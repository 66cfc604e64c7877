import type { AccessIssueBoard, AccessIssueDetail, AccessIssueSummary, AuthUser, Page } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { OptionalVersionDto, VersionDto } from '../common/validation/version.dto';
import { AccessIssuesService } from './access-issues.service';
import {
  CloseAccessIssueDto,
  CreateAccessIssueDto,
  ResolveAccessIssueDto,
  UpdateAccessIssueDto,
} from './dto/access-issue.dto';
import { AccessIssueBoardQuery, ListAccessIssuesQuery } from './dto/list-access-issues.query';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'La version lue (à la place de `version` dans le corps).',
};

@ApiTags('access-issues')
@Controller('access-issues')
export class AccessIssuesController {
  constructor(private readonly issues: AccessIssuesService) {}

  @ApiOperation({ summary: 'Liste les difficultés d’accès (filtres, recherche, tri et pagination en base).' })
  @Allow('accessIssues.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListAccessIssuesQuery): Promise<Page<AccessIssueSummary>> {
    return this.issues.list(user, query);
  }

  @ApiOperation({ summary: 'Tableau par catégorie et statut (et gravité maximale des difficultés ouvertes).' })
  @Allow('accessIssues.read')
  @Get('board')
  board(@CurrentUser() user: AuthUser, @Query() query: AccessIssueBoardQuery): Promise<AccessIssueBoard> {
    return this.issues.board(user, query);
  }

  @ApiOperation({ summary: 'Une difficulté d’accès, avec les dispositifs qui agissent dessus.' })
  @Allow('accessIssues.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<AccessIssueDetail> {
    return this.issues.get(user, id);
  }

  @ApiOperation({
    summary: 'Signale une difficulté sur un terrain ; le CDOM la propose (source « cdom », statut « ouverte »).',
  })
  @Allow('accessIssues.propose')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccessIssueDto): Promise<AccessIssueDetail> {
    return this.issues.create(user, dto);
  }

  @ApiOperation({
    summary:
      'Modifie une difficulté (version lue ; 409 si périmée). Le CDOM : sa proposition, tant qu’elle est ouverte.',
  })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.propose')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateAccessIssueDto,
  ): Promise<AccessIssueDetail> {
    return this.issues.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Prend en charge une difficulté ouverte.' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  start(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.issues.start(user, id, dto);
  }

  @ApiOperation({ summary: 'Résout la difficulté (date, résolution) et y rattache les dispositifs donnés.' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  resolve(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: ResolveAccessIssueDto) {
    return this.issues.resolve(user, id, dto);
  }

  @ApiOperation({ summary: 'Classe la difficulté sans suite (date, motif).' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Post(':id/wont-fix')
  @HttpCode(HttpStatus.OK)
  wontFix(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: CloseAccessIssueDto) {
    return this.issues.wontFix(user, id, dto);
  }

  @ApiOperation({ summary: 'Rouvre une difficulté close.' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.issues.reopen(user, id, dto);
  }

  @ApiOperation({ summary: 'Archive une difficulté (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.issues.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure une difficulté archivée.' })
  @ApiHeader(IF_MATCH)
  @Allow('accessIssues.handle')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: OptionalVersionDto) {
    return this.issues.setArchived(user, id, dto.version, false);
  }
}
