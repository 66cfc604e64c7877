import type { AuthUser, Page, TaskKindCount, TaskView, TodoList } from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveRoutes } from '../common/routes/archive-routes';
import { ActionRoute, CreateRoute, IdParam, ReadRoute, UpdateRoute } from '../common/routes/route.decorators';
import { VersionDto } from '../common/validation/version.dto';
import { ListTasksQuery, TodoQuery } from './dto/list-tasks.query';
import { CreateTaskDto, UpdateTaskDto } from './dto/task.dto';
import { TasksQueryService } from './tasks-query.service';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController extends ArchiveRoutes<TaskView>({
  permission: 'tasks.write',
  archive: 'Archive une tâche (restaurable, son historique est gardé).',
  restore: 'Restaure une tâche archivée.',
}) {
  constructor(
    private readonly tasks: TasksService,
    private readonly reads: TasksQueryService,
  ) {
    super(tasks);
  }

  @ReadRoute('tasks.read', undefined, 'Liste les tâches (statut, responsable, échéances, retard, règle, sujet).')
  list(@CurrentUser() user: AuthUser, @Query() query: ListTasksQuery): Promise<Page<TaskView>> {
    return this.reads.list(user, query);
  }

  @ReadRoute(
    'tasks.read',
    'todo',
    'À faire : tâches ouvertes du département, les miennes et celles de l’équipe d’abord, puis en retard, ' +
      'cette semaine, priorité haute, le reste ; avec les compteurs.',
  )
  todo(@CurrentUser() user: AuthUser, @Query() query: TodoQuery): Promise<TodoList> {
    return this.reads.todo(user, query);
  }

  @ReadRoute(
    'tasks.read',
    'kinds',
    'Tâches ouvertes par type (saisies par l’équipe, puis chaque règle de rappel), avec celles en retard.',
  )
  kinds(@CurrentUser() user: AuthUser): Promise<TaskKindCount[]> {
    return this.reads.kinds(user);
  }

  @ReadRoute('tasks.read', ':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<TaskView> {
    return this.reads.get(user, id);
  }

  @CreateRoute('tasks.write', 'Crée une tâche (sujet de votre département, responsable actif du département).')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTaskDto): Promise<TaskView> {
    return this.tasks.create(user, dto);
  }

  @UpdateRoute('tasks.write', 'Modifie une tâche à partir de la version lue ; 409 si elle est périmée.')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateTaskDto): Promise<TaskView> {
    return this.tasks.update(user, id, dto);
  }

  @ActionRoute('complete', 'tasks.write', 'Marque la tâche comme faite.')
  complete(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<TaskView> {
    return this.tasks.complete(user, id, dto.version);
  }

  @ActionRoute('reopen', 'tasks.write', 'Rouvre une tâche faite ou annulée.')
  reopen(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<TaskView> {
    return this.tasks.reopen(user, id, dto.version);
  }

  @ActionRoute('cancel', 'tasks.write', 'Annule la tâche (elle n’est plus à faire).')
  cancel(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: VersionDto): Promise<TaskView> {
    return this.tasks.cancel(user, id, dto.version);
  }
}
