import { AUDIT_ENTITY_TYPES, type SitePosition, todayInFrance } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditService } from '../common/audit/audit.service';
import { type AuditActor, applyVersionedChange, findScoped } from '../common/persistence/scoped-records';
import { AppConfig } from '../config/app-config';
import { siteSnapshot } from '../sites/site-views';
import { TrainingSite } from '../sites/training-site.entity';
import { CommuneContour } from '../territory/entities/commune-contour.entity';
import { BanUnavailableError, banSearch } from './ban-client';

/** Turns a site's address into coordinates through the BAN, or says its position is approximate. */
@Injectable()
export class GeocodingService {
  private readonly logger = new Logger(GeocodingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async geocodeSite(actor: AuditActor, id: string, version: number): Promise<SitePosition> {
    const site = await findScoped(this.db.manager, actor, TrainingSite, id, 'Terrain de stage');
    const fallback = async (reason: string): Promise<SitePosition> => {
      const anchor = await this.db.getRepository(CommuneContour).findOneBy({ communeCode: site.communeCode });
      return {
        source: 'commune',
        approximate: true,
        latitude: anchor?.anchorLatitude ?? null,
        longitude: anchor?.anchorLongitude ?? null,
        label: null,
        score: null,
        reason,
        version: site.version,
      };
    };
    if (!this.config.BAN_URL) {
      return fallback(
        'Service national d’adresses non configuré (BAN_URL) : le terrain est placé au centre de sa commune.',
      );
    }
    let match;
    try {
      match = await banSearch(this.config.BAN_URL, this.config.BAN_TIMEOUT_MS, {
        line: [site.addressLine1, site.addressLine2].filter(Boolean).join(' '),
        postalCode: site.postalCode,
        communeCode: site.communeCode,
      });
    } catch (error) {
      if (!(error instanceof BanUnavailableError)) throw error;
      this.logger.warn({ msg: 'BAN unavailable', reason: error.message });
      return fallback(
        'Service national d’adresses injoignable : le terrain est placé au centre de sa commune. Réessayez plus tard.',
      );
    }
    if (!match) return fallback('Adresse non trouvée avec certitude : le terrain est placé au centre de sa commune.');
    const after = await this.db.transaction((manager) =>
      applyVersionedChange(manager, this.audit, actor, {
        target: TrainingSite,
        entityType: AUDIT_ENTITY_TYPES.site,
        label: 'Terrain de stage',
        id,
        version,
        action: 'geocoded',
        snapshot: (row) => siteSnapshot(manager, row),
        changes: () => ({ latitude: match.latitude, longitude: match.longitude }),
      }),
    );
    this.logger.log({ msg: 'site geocoded', siteId: id, score: match.score, on: todayInFrance() });
    return {
      source: 'ban',
      approximate: false,
      latitude: match.latitude,
      longitude: match.longitude,
      label: match.label,
      score: match.score,
      reason: null,
      version: after.version,
    };
  }
}
