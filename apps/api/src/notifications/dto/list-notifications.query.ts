import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

import { PAGE_MAX, toBoolean } from '../../common/http/page-query.dto';

/** `GET /api/notifications?unread=true&page=&pageSize=`: the newest first. */
export class ListNotificationsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page : un nombre entier est attendu.' })
  @Min(1, { message: 'page : 1 au minimum.' })
  @Max(PAGE_MAX, { message: `page : ${PAGE_MAX} au maximum.` })
  page = 1;

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
