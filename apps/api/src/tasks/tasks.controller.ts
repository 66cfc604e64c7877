import type { AuthUser, Page, Role, TaskView, TodoList } from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { READERS, Roles } from '../common/auth/roles.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { OptionalVersionDto } from '../sites/dto/site.dto';
import { ListTasksQuery, TodoQuery } from './dto/list-tasks.query';
import { CreateTaskDto, TaskActionDto, UpdateTaskDto } from './dto/task.dto';
import { TasksQueryService } from './tasks-query.service';
import { TasksService } from './tasks.service';

const WRITERS: readonly Role[] = ['mission_officer', 'admin'];
const IF_MATCH = { name: 'If-Match', required: false, description: 'La version lue (à la place de `version`).' };

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly reads: TasksQueryService,
  ) {}

  @ApiOperation({ summary: 'Liste les tâches (statut, responsable, échéances, retard, règle, sujet).' })
  @Roles(...READERS)
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<Page<TaskView>> {
    return this.reads.list(user, query);
  }

  @ApiOperation({
    summary:
      'À faire : tâches ouvertes du département, les miennes et celles de l’équipe d’abord, puis en retard, ' +
      'cette semaine, priorité haute, le reste ; avec les compteurs.',
  })
  @Roles(...READERS)
  @Get('todo')
  todo(@CurrentUser() user: AuthUser, @Query() query: TodoQuery): Promise<TodoList> {
    return this.reads.todo(user, query);
  }

  @Roles(...READERS)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<TaskView> {
    return this.reads.get(user, id);
  }

  @ApiOperation({ summary: 'Crée une tâche (sujet de votre département, responsable actif du département).' })
  @Roles(...WRITERS)
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(user, dto);
  }

  @ApiOperation({ summary: 'Modifie une tâche à partir de la version lue ; 409 si elle est périmée.' })
  @ApiHeader(IF_MATCH)
  @Roles(...WRITERS)
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
  @Roles(...WRITERS)
  @Post(':id/complete')
  @HttpCode(HttpStatus.OK)
  complete(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: TaskActionDto) {
    return this.tasks.complete(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Rouvre une tâche faite ou annulée.' })
  @ApiHeader(IF_MATCH)
  @Roles(...WRITERS)
  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  reopen(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: TaskActionDto) {
    return this.tasks.reopen(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Annule la tâche (elle n’est plus à faire).' })
  @ApiHeader(IF_MATCH)
  @Roles(...WRITERS)
  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  cancel(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: TaskActionDto) {
    return this.tasks.cancel(user, id, dto.version);
  }

  @ApiOperation({ summary: 'Archive une tâche (restaurable, son historique est gardé).' })
  @ApiHeader(IF_MATCH)
  @Roles(...WRITERS)
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
  @Roles(...WRITERS)
  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  restore(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string, @Body() dto: OptionalVersionDto) {
    return this.tasks.setArchived(user, id, dto.version, false);
  }
}
