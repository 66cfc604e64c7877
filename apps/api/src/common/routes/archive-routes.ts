import type { AuthUser, Permission } from '@maillage/shared/domain';
import { Body, HttpStatus, type PipeTransform, type Type, type ValidationPipe } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';

import { CurrentUser } from '../auth/current-user.decorator';
import { createValidationPipe } from '../http/validation';
import { OptionalVersionDto, VersionDto } from '../validation/version.dto';
import { ActionRoute, ArchiveRoute, IdParam } from './route.decorators';

/** What a service offers for `DELETE :id` and `POST :id/restore`. */
export interface Archivable<T> {
  setArchived(actor: AuthUser, id: string, version: number | undefined, archived: boolean): Promise<T>;
}

export interface ArchiveRoutesOptions {
  permission: Permission;
  /** Summaries, e.g. « Archive un terrain (restaurable, son historique est gardé). » */
  archive: string;
  /** Without it, a record once archived stays so (no restore route). */
  restore?: string;
  /** The version read is mandatory (default: optional, the current one is used without it). */
  versionRequired?: boolean;
  /** Status of the restore (default 200). */
  restoreStatus?: HttpStatus;
}

/** Validates a body against a class chosen when the routes are declared. */
class ValidateAs implements PipeTransform {
  private readonly pipe: ValidationPipe = createValidationPipe();
  constructor(private readonly dto: Type<object>) {}
  transform(value: unknown): Promise<unknown> {
    return this.pipe.transform(value, { type: 'body', metatype: this.dto });
  }
}

type VersionBody = { version?: number };

function versionBody(options: ArchiveRoutesOptions) {
  const dto = options.versionRequired ? VersionDto : OptionalVersionDto;
  // The parameter is typed as a plain object, so that the global pipe leaves it to this one.
  return { dto, decorator: () => Body(new ValidateAs(dto)) };
}

/**
 * The archive route of a kind of record that is never restored (offer snapshots, meetings):
 * a controller extends `ArchiveOnlyRoutes({ … })` and passes its service to `super()`.
 */
export function ArchiveOnlyRoutes<T>(options: ArchiveRoutesOptions) {
  const { dto, decorator: version } = versionBody(options);

  abstract class ArchiveOnly {
    constructor(protected readonly archivable: Archivable<T>) {}

    @ArchiveRoute(options.permission, options.archive)
    @ApiBody({ type: dto, required: false })
    async archive(@CurrentUser() user: AuthUser, @IdParam() id: string, @version() body: VersionBody): Promise<void> {
      await this.archivable.setArchived(user, id, body.version, true);
    }
  }
  return ArchiveOnly;
}

/**
 * The archive and restore routes of a kind of record, declared once: a controller extends
 * `ArchiveRoutes({ … })` and passes its service to `super()`. Same permission, `If-Match`,
 * status codes and version handling everywhere.
 */
export function ArchiveRoutes<T>(options: ArchiveRoutesOptions & { restore: string }) {
  const { dto, decorator: version } = versionBody(options);

  abstract class ArchiveAndRestore extends ArchiveOnlyRoutes<T>(options) {
    @ActionRoute('restore', options.permission, options.restore, options.restoreStatus ?? HttpStatus.OK)
    @ApiBody({ type: dto, required: false })
    restore(@CurrentUser() user: AuthUser, @IdParam() id: string, @version() body: VersionBody): Promise<T> {
      return this.archivable.setArchived(user, id, body.version, false);
    }
  }
  return ArchiveAndRestore;
}
