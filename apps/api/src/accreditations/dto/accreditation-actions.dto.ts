import { IsIsoDate, OneOf, Text } from '../../common/validation/rules';
import { VersionDto } from '../../common/validation/version.dto';

/** Body of `/review` and `/expire`: the version read (or `If-Match`) and an optional note. */
export class AccreditationActionDto extends VersionDto {
  /** Kept, dated, in the notes of the file. */
  @Text({ max: 2000, presence: 'optional', untrimmed: true })
  note?: string;
}

export class GrantAccreditationDto extends AccreditationActionDto {
  @IsIsoDate()
  startDate!: string;

  /** Defaults to the validity of the cycle, or the conditional validity after a withdrawal. */
  @IsIsoDate('omittable')
  endDate?: string;

  /** Decision number. */
  @Text({ max: 100, presence: 'optional', untrimmed: true })
  reference?: string;
}

export class WithdrawAccreditationDto extends AccreditationActionDto {
  /** Effective date of the withdrawal. */
  @IsIsoDate()
  date!: string;
}

export const RENEWAL_STATUSES = ['granted', 'requested'] as const;

/** Body of `/renew`: the renewal starts the day after the renewed accreditation ends. */
export class RenewAccreditationDto extends AccreditationActionDto {
  /** `granted` (default): the renewal decision is recorded; `requested`: the file is filed, dated to follow on. */
  @OneOf(RENEWAL_STATUSES, { presence: 'omittable', default: 'granted' })
  status?: (typeof RENEWAL_STATUSES)[number];

  /** Defaults to the validity of the cycle from the day after the renewed accreditation ends. */
  @IsIsoDate('omittable')
  endDate?: string;

  /** Decision number of the renewal. */
  @Text({ max: 100, presence: 'optional', untrimmed: true })
  reference?: string;
}
