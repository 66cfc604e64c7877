import type { AuthUser, Page, TaskView, TodoList } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';

import { OptionalVersionDto, VersionDto } from '../common/validation/version.dto';
import { ListTasksQuery, TodoQuery } from './dto/list-tasks.query';
import { CreateTaskDto, UpdateTaskDto } from './dto/task.dto';
import { TasksQueryService } from './tasks-query.service';
import { TasksService } from './tasks.service';

const IF_MATCH = { name: 'If-Match', required: false, description: 'La version lue (à la place de `version`).' };

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reads: TasksQueryService,
  ) {}

  @ApiOperation({ summary: 'Liste les tâches (statut, responsable, échéances, retard, règle, sujet).' })
  @Allow('tasks.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<Page<TaskView>> {
    return this.reads.list(user, query);
  }

  @ApiOperation({
    summary:
      'À faire : tâches ouvertes du département, les miennes et celles de l’équipe d’abord, puis en retard, ' +
      'cette semaine, priorité haute, le reste ; avec les compteurs.',
  })
  @Allow('tasks.read')
  @Get('todo')
  todo(@CurrentUser() user: AuthUser, @Query() query: TodoQuery): Promise<TodoList> {
    return this.reads.todo(user, query);
  }

  @Allow('tasks.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<TaskView> {
    return this.reads.get(user, id);
  }

  @ApiOperation({ summary: 'Crée une tâche (sujet de votre département, responsable actif du département).' })
  @Allow('tasks.write')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie une tâche à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateTaskDto,
  ): Promise<TaskView> {
    return this.tasks.update(user, id, dto);
  }

  @ApiOperation({ summary: 'Marque la tâche comme faite.' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  complete(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.tasks.complete(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Rouvre une tâche faite ou annulée.' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.tasks.reopen(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Annule la tâche (elle n’est plus à faire).' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: VersionDto) {
    return this.tasks.cancel(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Archive une tâche (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.tasks.setArchived(user, id, dto.version, true);
  }

  @ApiOperation({ summary: 'Restaure une tâche archivée.' })
  @ApiHeader(IF_MATCH)
  @Allow('tasks.write')
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: OptionalVersionDto) {
    return this.tasks.setArchived(user, id, dto.version, false);
  }
}
