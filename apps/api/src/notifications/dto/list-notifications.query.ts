import { PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

import { PageQueryDto, toBoolean } from '../../common/http/page-query.dto';

/** `GET /api/notifications?unread=true&page=&pageSize=`: the newest first, 20 a page (100 at most). */
export class ListNotificationsQuery extends PickType(PageQueryDto, ['page'] as const) {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize : un nombre entier est attendu.' })
  @Min(1, { message: 'pageSize : 1 au minimum.' })
  @Max(100, { message: 'pageSize : 100 au maximum.' })
  pageSize = 20;

  /** `true`: unread ones only. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'unread : true ou false.' })
  unread?: boolean;
}
