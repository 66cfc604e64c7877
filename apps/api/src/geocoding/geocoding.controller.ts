import { type AuthUser, type SitePosition } from '@maillage/shared/domain';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ParseIdPipe } from '../common/http/id.pipe';
import { GeocodingService } from './geocoding.service';

export class GeocodeSiteDto {
  /** The version last read (or `If-Match`). */
  @IsInt({ message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  @Min(1, { message: 'version : la version lue est obligatoire (dans le corps ou l’en-tête If-Match).' })
  version!: number;
}

@ApiTags('sites')
@Controller('sites')
export class GeocodingController {
  constructor(private readonly geocoding: GeocodingService) {}

  @ApiOperation({
    summary:
      'Place le terrain à son adresse grâce à la Base adresse nationale (si BAN_URL est configurée et répond) ; ' +
      'sinon, dit que sa position est approximative (centre de la commune).',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'La version lue.' })
  @Allow('sites.write')
  @Post(':id/geocode')
  @HttpCode(HttpStatus.OK)
  geocode(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: GeocodeSiteDto,
  ): Promise<SitePosition> {
    return this.geocoding.geocodeSite(user, id, dto.version);
  }
}
