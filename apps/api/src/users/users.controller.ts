import type { AuthUser, Colleague, Page, UserAccount } from '@maillage/shared/domain';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { VersionDto } from '../common/validation/version.dto';
import { ColleaguesQuery, CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Allow('users.manage')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiOperation({ summary: 'Liste les comptes (de son département, ou tous pour un administrateur national).' })
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQuery): Promise<Page<UserAccount>> {
    return this.users.list(user, query);
  }

  @ApiOperation({
    summary:
      'Collègues actifs du département (nom et rôle seulement), pour attribuer une tâche ou un signalement, ou inviter à une visite.',
  })
  @Allow('users.colleagues')
  @Get('colleagues')
  colleagues(@CurrentUser() user: AuthUser, @Query() query: ColleaguesQuery): Promise<Colleague[]> {
    return this.users.colleagues(user, query.role);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<UserAccount> {
    return this.users.get(user, id);
  }

  @ApiOperation({ summary: 'Crée un compte.' })
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserAccount> {
    return this.users.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie un compte (nom, rôle, département) ; 409 si la version est périmée.' })
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserAccount> {
    return this.users.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Désactive un compte : ses sessions prennent fin immédiatement.' })
  @Post(':id/deactivate')
  deactivate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<UserAccount> {
    return this.users.setActive(user, id, dto.version, false);
  }

  @ApiOperation({ summary: 'Réactive un compte.' })
  @Post(':id/activate')
  activate(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<UserAccount> {
    return this.users.setActive(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Définit un nouveau mot de passe : les sessions du compte prennent fin.' })
  @Post(':id/password')
  resetPassword(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ResetPasswordDto,
  ): Promise<UserAccount> {
    return this.users.resetPassword(user, id, dto.version, dto.password);
  }
}
