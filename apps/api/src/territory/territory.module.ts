import { Module } from '@nestjs/common';

import { CommunesController } from './communes.controller';
import { CommunesService } from './communes.service';
import { ContoursLoaderService } from './contours-loader.service';
import { TerritoryLoaderService } from './territory-loader.service';

@Module({
  controllers: [CommunesController],
  providers: [CommunesService, ContoursLoaderService, TerritoryLoaderService],
  exports: [CommunesService, ContoursLoaderService, TerritoryLoaderService],
})
export class TerritoryModule {}
