import type { AccessIssueBoard, AccessIssueDetail, AccessIssueSummary, AuthUser, Page } from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { ActionRoute, CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { VersionDto } from '../common/validation/version.dto';
import { AccessIssuesService } from './access-issues.service';
import {
  CloseAccessIssueDto,
  CreateAccessIssueDto,
  ResolveAccessIssueDto,
  UpdateAccessIssueDto,
} from './dto/access-issue.dto';
import { AccessIssueBoardQuery, ListAccessIssuesQuery } from './dto/list-access-issues.query';

/** The CDOM proposes issues (`accessIssues.propose`); the mission officer handles them. */
@ApiTags('access-issues')
@Controller('access-issues')
export class AccessIssuesController extends ArchiveRoutes<AccessIssueDetail>({
  permission: 'accessIssues.handle',
  archive: 'Archive une difficulté (restaurable, son historique est gardé).',
  restore: 'Restaure une difficulté archivée.',
}) {
  constructor(private readonly issues: AccessIssuesService) {
    super(issues);
  }

  @ReadRoute(
    'accessIssues.read',
    undefined,
    'Liste les difficultés d’accès (filtres, recherche, tri et pagination en base).',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: ListAccessIssuesQuery): Promise<Page<AccessIssueSummary>> {
    return this.issues.list(user, query);
  }

  @ReadRoute(
    'accessIssues.read',
    'board',
    'Tableau par catégorie et statut (et gravité maximale des difficultés ouvertes).',
  )
  board(@CurrentUser() user: AuthUser, @Query() query: AccessIssueBoardQuery): Promise<AccessIssueBoard> {
    return this.issues.board(user, query);
  }

  @ReadRoute('accessIssues.read', ':id', 'Une difficulté d’accès, avec les dispositifs qui agissent dessus.')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AccessIssueDetail> {
    return this.issues.get(user, id);
  }

  @CreateRoute(
    'accessIssues.propose',
    'Signale une difficulté sur un terrain ; le CDOM la propose (source « cdom », statut « ouverte »).',
  )
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAccessIssueDto): Promise<AccessIssueDetail> {
    return this.issues.create(user, dto);
  }

  @UpdateRoute(
    'accessIssues.propose',
    'Modifie une difficulté (version lue ; 409 si périmée). Le CDOM : sa proposition, tant qu’elle est ouverte.',
  )
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateAccessIssueDto,
  ): Promise<AccessIssueDetail> {
    return this.issues.update(user, id, dto);
  }

  @ActionRoute('start', 'accessIssues.handle', 'Prend en charge une difficulté ouverte.')
  start(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<AccessIssueDetail> {
    return this.issues.start(user, id, dto);
  }

  @ActionRoute(
    'resolve',
    'accessIssues.handle',
    'Résout la difficulté (date, résolution) et y rattache les dispositifs donnés.',
  )
  resolve(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: ResolveAccessIssueDto) {
    return this.issues.resolve(user, id, dto);
  }

  @ActionRoute('wont-fix', 'accessIssues.handle', 'Classe la difficulté sans suite (date, motif).')
  wontFix(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: CloseAccessIssueDto) {
    return this.issues.wontFix(user, id, dto);
  }

  @ActionRoute('reopen', 'accessIssues.handle', 'Rouvre une difficulté close.')
  reopen(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<AccessIssueDetail> {
    return this.issues.reopen(user, id, dto);
  }
}
