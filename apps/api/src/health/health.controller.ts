import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Public } from '../common/auth/allow.decorator';
import { RuntimeInfo } from '../config/runtime-info';

/** Longest wait for the database before the health check answers 503. */
const HEALTH_TIMEOUT_MS = 3_000;

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
      // Bounded on its own: a frozen server must not hold a health probe.
      await Promise.race([
        this.db.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('health timeout')), HEALTH_TIMEOUT_MS).unref()),
      ]);
    } catch {
      throw new ServiceUnavailableException({
        status: 'error',
        message: 'La base de données ne répond pas : réessayez dans quelques instants.',
      });
    }
    return { status: 'ok', database: 'ok', demo: this.runtime.demo, version: this.runtime.version };
  }
}
