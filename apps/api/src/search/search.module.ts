import { Module } from '@nestjs/common';

import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** `GET /api/search`: the header's search box. */
@Module({ controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
