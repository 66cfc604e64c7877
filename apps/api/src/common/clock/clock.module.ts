import { Module } from '@nestjs/common';

import { Clock } from './clock';

/** One `Clock` for every module that imports this one (modules are singletons). */
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
