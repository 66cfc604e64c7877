import type { AuthUser, Permission } from '@maillage/shared/domain';
import { Query, Req, Res, type Type } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ReadRoute, type RouteDoc } from '../common/routes/route.decorators';
import type { CachedFigures } from './figure-cache.service';
import { sendFigures } from './figures-response';

/** What a service offers for the `GET` of its figures. */
export interface FiguresSource<Q> {
  get(user: AuthUser, query: Q): Promise<CachedFigures>;
}

/**
 * The `GET` route of a controller that serves cached figures (dashboard, map): a controller
 * extends `FiguresRoutes(QueryClass, permission, { … })` and passes its service to `super()`.
 * The answer carries the figures' entity tag (304 when unchanged) and is compressed once.
 */
export function FiguresRoutes<Q extends object>(query: Type<Q>, permission: Permission, doc: RouteDoc) {
  abstract class FiguresRoute {
    constructor(protected readonly source: FiguresSource<Q>) {}

    @ReadRoute(permission, undefined, doc)
    @ApiProduces('application/json')
    async get(
      @CurrentUser() user: AuthUser,
      @Query() filters: Q,
      @Req() req: Request,
      @Res() res: Response,
    ): Promise<void> {
      sendFigures(req, res, await this.source.get(user, filters));
    }
  }
  // What TypeScript records for a parameter of a concrete class: the validation pipe and the
  // OpenAPI document read the query's class from it (a type parameter is recorded as Object).
  Reflect.defineMetadata('design:paramtypes', [Object, query, Object, Object], FiguresRoute.prototype, 'get');
  return FiguresRoute;
}
