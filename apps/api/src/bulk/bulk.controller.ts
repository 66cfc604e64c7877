import {
  type AuthUser,
  BULK_ACTIONS_OF,
  BULK_RESOURCES,
  type BulkResource,
  type BulkResult,
} from '@maillage/shared/domain';
import { Body, Controller, HttpCode, HttpStatus, Post, Res, StreamableFile, type Type } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { ListAccreditationsQuery } from '../accreditations/dto/list-accreditations.query';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListProfessionalsQuery } from '../professionals/dto/list-professionals.query';
import { ListReferralsQuery } from '../referrals/dto/referral.dto';
import { ListSitesQuery } from '../sites/dto/list-sites.query';
import { ListTasksQuery } from '../tasks/dto/list-tasks.query';
import { BulkService } from './bulk.service';
import { bulkDtos } from './dto/bulk.dto';

/** Each list's own query DTO: bulk filters mean what they mean on the list. */
const FILTERS: Readonly<Record<BulkResource, Type<object>>> = {
  sites: ListSitesQuery,
  professionals: ListProfessionalsQuery,
  accreditations: ListAccreditationsQuery,
  tasks: ListTasksQuery,
  'candidate-referrals': ListReferralsQuery,
};

/** `POST /api/<list>/bulk` and `POST /api/<list>/bulk/export` for one list. */
function bulkController(resource: BulkResource): Type<unknown> {
  const { Selection, Action } = bulkDtos(resource, FILTERS[resource]);
  // Declared classes, so that the parameter types reach the validation pipe (`design:paramtypes`).
  class ActionBody extends Action {}
  class SelectionBody extends Selection {}
  const { read, actions } = BULK_ACTIONS_OF[resource];
  const names = Object.keys(actions).join(', ');

  @ApiTags('bulk')
  @Controller(resource)
  class BulkController {
    constructor(private readonly bulk: BulkService) {}

    @ApiOperation({
      summary:
        `Action groupée (${names}) sur les enregistrements choisis (ids) ou tous ceux des filtres de la liste, ` +
        'en une transaction : le résultat dit ce qui est fait et ce qui est refusé, et pourquoi.',
    })
    @Allow('bulk.run')
    @Post('bulk')
    @HttpCode(HttpStatus.OK)
    run(@CurrentUser() user: AuthUser, @Body() dto: ActionBody): Promise<BulkResult> {
      return this.bulk.run(user, resource, dto);
    }

    @ApiOperation({ summary: 'Exporte la sélection en CSV (colonnes que votre rôle peut lire).' })
    @ApiProduces('text/csv')
    @Allow(read)
    @Post('bulk/export')
    @HttpCode(HttpStatus.OK)
    async export(
      @CurrentUser() user: AuthUser,
      @Body() dto: SelectionBody,
      @Res({ passthrough: true }) res: Response,
    ): Promise<StreamableFile> {
      const file = await this.bulk.export(user, resource, dto);
      res.setHeader('X-Exported-Count', String(file.count));
      return new StreamableFile(Buffer.from(file.csv, 'utf8'), {
        type: 'text/csv; charset=utf-8',
        disposition: `attachment; filename="${file.fileName}"`,
      });
    }
  }

  const name = resource.replace(/(^|-)([a-z])/g, (_, __: string, c: string) => c.toUpperCase());
  Object.defineProperty(BulkController, 'name', { value: `${name}BulkController` });
  Object.defineProperty(ActionBody, 'name', { value: `${name}BulkAction` });
  Object.defineProperty(SelectionBody, 'name', { value: `${name}BulkSelection` });
  return BulkController;
}

export const BULK_CONTROLLERS = BULK_RESOURCES.map(bulkController);
