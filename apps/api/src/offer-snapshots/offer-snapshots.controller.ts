import type {
  AuthUser,
  OfferSnapshotDetail,
  OfferSnapshotSummary,
  Page,
  SnapshotComparison,
} from '@maillage/shared/domain';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CurrentUser } from '../common/auth/current-user.decorator';
import { ArchiveOnlyRoutes } from '../common/routes/archive-routes';
import { CreateRoute, IdParam, ReadRoute } from '../common/routes/route.decorators';
import { CompareSnapshotsQuery, CreateOfferSnapshotDto, ListOfferSnapshotsQuery } from './dto/offer-snapshot.dto';
import { OfferSnapshotsService } from './offer-snapshots.service';

@ApiTags('offer-snapshots')
@Controller('offer-snapshots')
export class OfferSnapshotsController extends ArchiveOnlyRoutes<void>({
  permission: 'offer.write',
  archive: 'Archive un relevé (il n’est jamais modifié ni effacé).',
}) {
  constructor(private readonly snapshots: OfferSnapshotsService) {
    super(snapshots);
  }

  @ReadRoute('offer.read', undefined, 'Relevés « État de l’offre de stage » non archivés, les plus récents d’abord.')
  list(@CurrentUser() user: AuthUser, @Query() query: ListOfferSnapshotsQuery): Promise<Page<OfferSnapshotSummary>> {
    return this.snapshots.list(user, query);
  }

  // Declared before `:id`, which would otherwise take "compare" for an id.
  @ReadRoute('offer.read', 'compare', 'Compare deux relevés chiffre par chiffre (b − a).')
  compare(@CurrentUser() user: AuthUser, @Query() query: CompareSnapshotsQuery): Promise<SnapshotComparison> {
    return this.snapshots.compare(user, query.a, query.b);
  }

  @ReadRoute('offer.read', ':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<OfferSnapshotDetail> {
    return this.snapshots.get(user, id);
  }

  @CreateRoute(
    'offer.write',
    'Prend un relevé de l’offre à la date du jour : les chiffres sont calculés puis figés, ils ne changeront plus.',
  )
  take(@CurrentUser() user: AuthUser, @Body() dto: CreateOfferSnapshotDto): Promise<OfferSnapshotDetail> {
    return this.snapshots.take(user, dto);
  }
}
