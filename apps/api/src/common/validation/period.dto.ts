import { IsIsoDate } from './rules';

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: a period, both days included, each bound optional. */
export class PeriodQuery {
  /** First day, inclusive. */
  @IsIsoDate('optional')
  from?: string;

  /** Last day, inclusive. */
  @IsIsoDate('optional')
  to?: string;
}
