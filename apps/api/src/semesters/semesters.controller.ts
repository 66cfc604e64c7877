import {
  type AuthUser,
  isSemesterCode,
  type Page,
  type SemesterCode,
  type SemesterPlan,
} from '@maillage/shared/domain';
import { BadRequestException, Body, Controller, Get, Param, type PipeTransform, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
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

  @ApiOperation({
    summary:
      'Places offertes (capacités des terrains actifs agréés au 1er jour du semestre), demandées, pourvues et écart, ' +
      'par semestre et type de stage ; docteurs juniors à part (à partir de 2026-W).',
  })
  @Allow('semesters.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: SemesterPlanQuery): Promise<Page<SemesterPlan>> {
    return this.semesters.list(user, query);
  }

  @Allow('semesters.read')
  @Get(':semester')
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
  @ApiHeader({ name: 'If-Match', required: false, description: 'La version lue du semestre.' })
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
