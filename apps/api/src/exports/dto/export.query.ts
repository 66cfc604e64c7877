import { EXPORT_FORMATS, type ExportFormat } from '@maillage/shared/domain';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { ListAccessIssuesQuery } from '../../access-issues/dto/list-access-issues.query';
import { ListAccreditationsQuery } from '../../accreditations/dto/list-accreditations.query';
import { ListIntentsQuery } from '../../intents/dto/intent.dto';
import { ListMeasuresQuery } from '../../measures/dto/list-measures.query';
import { ListProfessionalsQuery } from '../../professionals/dto/list-professionals.query';
import { ListReferralsQuery } from '../../referrals/dto/referral.dto';
import { ListSitesQuery } from '../../sites/dto/list-sites.query';
import { ListTasksQuery } from '../../tasks/dto/list-tasks.query';
import { ListCommunesQuery } from '../../territory/dto/commune.dto';
import { ListUsersQuery } from '../../users/dto/user.dto';
import { ListVisitsQuery } from '../../visits/dto/list-visits.query';

/** `format=csv` (default: UTF-8 with BOM, `;`) or `format=xlsx`. */
export class ExportFormatQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, required: false, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format : ${EXPORT_FORMATS.join(' ou ')}.` })
  format: ExportFormat = 'csv';
}

/** Each export takes the filters (and sort) of its list; paging is ignored: the whole list goes out. */
export class ExportSitesQuery extends IntersectionType(ListSitesQuery, ExportFormatQuery) {}
export class ExportProfessionalsQuery extends IntersectionType(ListProfessionalsQuery, ExportFormatQuery) {}
export class ExportAccreditationsQuery extends IntersectionType(ListAccreditationsQuery, ExportFormatQuery) {}
export class ExportReferralsQuery extends IntersectionType(ListReferralsQuery, ExportFormatQuery) {}
export class ExportIntentsQuery extends IntersectionType(ListIntentsQuery, ExportFormatQuery) {}
export class ExportVisitsQuery extends IntersectionType(ListVisitsQuery, ExportFormatQuery) {}
export class ExportAccessIssuesQuery extends IntersectionType(ListAccessIssuesQuery, ExportFormatQuery) {}
export class ExportMeasuresQuery extends IntersectionType(ListMeasuresQuery, ExportFormatQuery) {}
export class ExportTasksQuery extends IntersectionType(ListTasksQuery, ExportFormatQuery) {}
export class ExportUsersQuery extends IntersectionType(ListUsersQuery, ExportFormatQuery) {}
export class ExportCommunesQuery extends IntersectionType(ListCommunesQuery, ExportFormatQuery) {}
