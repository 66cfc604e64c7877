import type {
  AuthUser,
  OfferSnapshotDetail,
  OfferSnapshotSummary,
  Page,
  SnapshotComparison,
} from '@maillage/shared/domain';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { OptionalVersionDto } from '../common/validation/version.dto';
import { CompareSnapshotsQuery, CreateOfferSnapshotDto, ListOfferSnapshotsQuery } from './dto/offer-snapshot.dto';
import { OfferSnapshotsService } from './offer-snapshots.service';

@ApiTags('offer-snapshots')
@Controller('offer-snapshots')
export class OfferSnapshotsController {
  constructor(private readonly snapshots: OfferSnapshotsService) {}

  @ApiOperation({ summary: 'Relevés « État de l’offre de stage » non archivés, les plus récents d’abord.' })
  @Allow('offer.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: ListOfferSnapshotsQuery): Promise<Page<OfferSnapshotSummary>> {
    return this.snapshots.list(user, query);
  }

  // Declared before `:id`, which would otherwise take "compare" for an id.
  @ApiOperation({ summary: 'Compare deux relevés chiffre par chiffre (b − a).' })
  @Allow('offer.read')
  @Get('compare')
  compare(@CurrentUser() user: AuthUser, @Query() query: CompareSnapshotsQuery): Promise<SnapshotComparison> {
    return this.snapshots.compare(user, query.a, query.b);
  }

  @Allow('offer.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<OfferSnapshotDetail> {
    return this.snapshots.get(user, id);
  }

  @ApiOperation({
    summary:
      'Prend un relevé de l’offre à la date du jour : les chiffres sont calculés puis figés, ils ne changeront plus.',
  })
  @Allow('offer.write')
  @Post()
  take(@CurrentUser() user: AuthUser, @Body() dto: CreateOfferSnapshotDto): Promise<OfferSnapshotDetail> {
    return this.snapshots.take(user, dto);
  }

  @ApiOperation({ summary: 'Archive un relevé (il n’est jamais modifié ni effacé).' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'La version lue.' })
  @Allow('offer.write')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: OptionalVersionDto,
  ): Promise<void> {
    await this.snapshots.archive(user, id, dto.version);
  }
}
