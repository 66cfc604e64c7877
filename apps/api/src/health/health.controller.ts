import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Public } from '../common/auth/allow.decorator';
import { RuntimeInfo } from '../config/runtime-info';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly runtime: RuntimeInfo,
  ) {}

  @ApiOperation({ summary: '200 quand la base répond, 503 sinon.' })
  @Public()
  @Get()
  async check() {
    try {
      await this.db.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException({ status: 'error', message: 'La base de données ne répond pas.' });
    }
    return { status: 'ok', database: 'ok', demo: this.runtime.demo, version: this.runtime.version };
  }
}
