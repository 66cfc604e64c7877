import {
  type AuthUser,
  isSemesterCode,
  type Page,
  type SemesterCode,
  type SemesterPlan,
} from '@maillage/shared/domain';
import { BadRequestException, Body, Controller, Param, type PipeTransform, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ReadRoute } from '../common/routes/route.decorators';
import { ApiIfMatch } from '../common/validation/version.dto';
import { PutSemesterDemandsDto, SEMESTER_MESSAGE, SemesterPlanQuery, SemesterScopeQuery } from './dto/semester.dto';
import { SemestersService } from './semesters.service';

/** `2026-W`, `2027-S`; anything else is a 400. */
class ParseSemesterPipe implements PipeTransform<string, SemesterCode> {
  transform(value: string): SemesterCode {
    if (!isSemesterCode(value)) throw new BadRequestException(SEMESTER_MESSAGE);
    return value;
  }
}

@ApiTags('semesters')
@Controller('semesters')
export class SemestersController {
  constructor(private readonly semesters: SemestersService) {}

  @ReadRoute(
    'semesters.read',
    undefined,
    'Places offertes (capacités des terrains actifs agréés au 1er jour du semestre), demandées, pourvues et écart, ' +
      'par semestre et type de stage ; docteurs juniors à part (à partir de 2026-W).',
  )
  list(@CurrentUser() user: AuthUser, @Query() query: SemesterPlanQuery): Promise<Page<SemesterPlan>> {
    return this.semesters.list(user, query);
  }

  @ReadRoute('semesters.read', ':semester')
  get(
    @CurrentUser() user: AuthUser,
    @Param('semester', new ParseSemesterPipe()) semester: SemesterCode,
    @Query() query: SemesterScopeQuery,
  ): Promise<SemesterPlan> {
    return this.semesters.get(user, semester, query.departement);
  }

  @ApiOperation({
    summary:
      'Saisit les places demandées (faculté, ARS) et pourvues des types de stage donnés ; 409 si la version est périmée.',
  })
  @ApiIfMatch()
  @Allow('semesters.write')
  @Put(':semester/demands')
  putDemands(
    @CurrentUser() user: AuthUser,
    @Param('semester', new ParseSemesterPipe()) semester: SemesterCode,
    @Body() dto: PutSemesterDemandsDto,
  ): Promise<SemesterPlan> {
    return this.semesters.putDemands(user, semester, dto);
  }
}
