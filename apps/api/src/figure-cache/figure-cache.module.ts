import { Module } from '@nestjs/common';

import { FigureCache } from './figure-cache.service';

@Module({
  providers: [FigureCache],
  exports: [FigureCache],
})
export class FigureCacheModule {}
