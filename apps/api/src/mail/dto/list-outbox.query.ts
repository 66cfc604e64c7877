import { OUTBOX_STATUSES, type OutboxStatus } from '@maillage/shared/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

import { PageQueryDto } from '../../common/http/page-query.dto';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' || Array.isArray(value)
    ? [value].flat().flatMap((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v]))
    : value;

/** `GET /api/outbox?status=failed,pending`. */
export class ListOutboxQuery extends PageQueryDto {
  @ApiProperty({ enum: OUTBOX_STATUSES, isArray: true, required: false })
  @IsOptional()
  @Transform(toList)
  @IsIn(OUTBOX_STATUSES, { each: true, message: `status : valeurs possibles ${OUTBOX_STATUSES.join(', ')}.` })
  status?: OutboxStatus[];
}
