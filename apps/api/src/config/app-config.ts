import type {
  AccreditationRules,
  AllowanceRules,
  SupervisionIncomeRules,
  TrainingTarget,
} from '@maillage/shared/domain';
import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';

import { toList } from '../common/validation/transforms';

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];
/** Anything but a known word stays a string, so that a typo is refused instead of read as false. */
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.includes(word) ? true : FALSE_WORDS.includes(word) ? false : value;
};
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
/** `name@domain` or `Name <name@domain>`, on one line. */
const MAIL_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** An integer setting, from `min` (and up to `max`). */
function IntSetting(min: number, max?: number) {
  return applyDecorators(Transform(toInt), IsInt(), Min(min), ...(max === undefined ? [] : [Max(max)]));
}

/** A yes/no setting (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`). */
function FlagSetting() {
  return applyDecorators(Transform(toBool), IsBoolean());
}

/**
 * Every setting of the API, read from the environment and validated at boot.
 * `.env.example` documents each one; keep both in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @IntSetting(0, 65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** An external PostgreSQL server. Without it, an embedded server is started in DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL doit commencer par postgres:// ou postgresql://' })
  DATABASE_URL?: string;

  /** Where the embedded PostgreSQL keeps its files (ignored with DATABASE_URL). */
  @IsString()
  DATA_DIR = '.maillage-data';

  /** Port of the embedded PostgreSQL; 0 picks a free one at each start. */
  @IntSetting(0, 65535)
  EMBEDDED_POSTGRES_PORT = 0;

  /** Every API request is answered within this time (503 beyond; its writes are rolled back). */
  @IntSetting(1_000, 600_000)
  REQUEST_TIMEOUT_MS = 4_500;

  /** Bulk requests (imports, reference files, exports) are answered within this time instead. */
  @IntSetting(10_000, 3_600_000)
  BULK_REQUEST_TIMEOUT_MS = 900_000;

  /** `statement_timeout` inside the transactions of that bulk work. */
  @IntSetting(1_000, 3_600_000)
  BULK_STATEMENT_TIMEOUT_MS = 600_000;

  /** Waiting for a database connection (pool or new one) before answering 503. */
  @IntSetting(100, 60_000)
  DB_CONNECT_TIMEOUT_MS = 2_000;

  /** PostgreSQL `statement_timeout`: a slower statement is cancelled (503); the client gives up 0.5 s later. */
  @IntSetting(100, 600_000)
  DB_STATEMENT_TIMEOUT_MS = 3_500;

  /** PostgreSQL `lock_timeout`: waiting longer for a lock held by another transaction answers 503. */
  @IntSetting(100, 600_000)
  DB_LOCK_TIMEOUT_MS = 2_000;

  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left open ends. */
  @IntSetting(1_000, 3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;

  /** `auto`: demo data on the first start of the embedded database only. */
  @IsIn(['auto', 'true', 'false'])
  DEMO_DATA: 'auto' | 'true' | 'false' = 'auto';

  /** Départements this deployment serves (INSEE codes, comma-separated). */
  @Transform(toList)
  @Matches(/^(?:\d{2}|2[AB]|97\d)$/, {
    each: true,
    message: 'TERRITORY_DEPARTEMENTS contient un code de département invalide',
  })
  TERRITORY_DEPARTEMENTS: string[] = ['77'];

  /** GeoJSON of commune contours: a file path or an http(s) URL. Optional. */
  @IsOptional()
  @IsString()
  COMMUNE_CONTOURS_SOURCE?: string;

  @IntSetting(1, 24 * 30)
  SESSION_TTL_HOURS = 12;

  /** `auto` marks the session cookie Secure when the request came over HTTPS. */
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  /** Express "trust proxy" setting, e.g. `1` behind one reverse proxy. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** Session ends after this many minutes without a request (the absolute limit is SESSION_TTL_HOURS). */
  @IntSetting(1, 24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** Failed logins allowed per client address and account within the window (429 beyond). */
  @IntSetting(1)
  LOGIN_RATE_LIMIT = 5;

  /** Failed logins allowed per client address, all accounts together, within the window. */
  @IntSetting(1)
  LOGIN_ADDRESS_LIMIT = 100;

  /** Failed logins allowed per account within the window, from addresses that failed on it. */
  @IntSetting(1)
  LOGIN_ACCOUNT_LIMIT = 20;

  @IntSetting(1)
  LOGIN_RATE_WINDOW_SECONDS = 900;

  @FlagSetting()
  API_DOCS_ENABLED = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Accreditation rules (DOMAIN.md): validity per cycle, conditional validity, alert window. */
  @IntSetting(1, 10)
  ACCREDITATION_YEARS_CYCLE_2 = 5;

  @IntSetting(1, 10)
  ACCREDITATION_YEARS_CYCLE_3 = 5;

  @IntSetting(1, 5)
  ACCREDITATION_CONDITIONAL_YEARS = 1;

  @IntSetting(0, 24)
  ACCREDITATION_ALERT_MONTHS = 6;

  /** Continuing MSU training target: hours over a rolling number of years. */
  @IntSetting(1)
  MSU_TRAINING_TARGET_HOURS = 21;

  @IntSetting(1)
  MSU_TRAINING_TARGET_YEARS = 5;

  /** Field work: a site not visited for this many months raises a reminder. */
  @IntSetting(1, 60)
  SITE_VISIT_INTERVAL_MONTHS = 12;

  /** A referral without follow-up for this many days raises a reminder. */
  @IntSetting(1, 365)
  REFERRAL_FOLLOW_UP_DAYS = 30;

  /** How often the reminder job runs, in minutes (0: never, e.g. on a read-only replica). */
  @IntSetting(0, 1440)
  REMINDERS_INTERVAL_MINUTES = 15;

  /** Intern allowances (euros per month) and the transport distance threshold (km). */
  @IntSetting(0)
  TRANSPORT_ALLOWANCE_KM = 15;

  @IntSetting(0)
  TRANSPORT_ALLOWANCE_MONTHLY = 130;

  @IntSetting(0)
  HOUSING_ALLOWANCE_MONTHLY = 300;

  /** Data in and out: spreadsheet imports (size of a file, rows per file, XLSX once unzipped). */
  @IntSetting(1, 1024)
  IMPORT_MAX_UPLOAD_MB = 20;

  @IntSetting(1, 1_000_000)
  IMPORT_MAX_ROWS = 50_000;

  @IntSetting(1, 4096)
  XLSX_MAX_UNCOMPRESSED_MB = 100;

  /** The national RPPS extract (about 820 MB) and commune contours uploaded by an administrator. */
  @IntSetting(1, 16_384)
  RPPS_MAX_UPLOAD_MB = 2048;

  @IntSetting(1, 4096)
  CONTOURS_MAX_UPLOAD_MB = 200;

  /** National address service (BAN), e.g. https://api-adresse.data.gouv.fr; off when empty. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'BAN_URL doit commencer par http:// ou https://' })
  BAN_URL?: string;

  @IntSetting(100, 60_000)
  BAN_TIMEOUT_MS = 3000;

  /** What supervising pays an MSU (euros per month, DOMAIN.md): intern, docteur junior and supplements. */
  @IntSetting(0)
  MSU_INTERN_MONTHLY = 600;

  @IntSetting(0)
  MSU_JUNIOR_BASE_MONTHLY = 600;

  @IntSetting(0)
  MSU_JUNIOR_SUPPLEMENT_MONTHLY = 1200;

  @IntSetting(0)
  MSU_JUNIOR_ZONE_MONTHLY = 800;

  @IntSetting(0)
  MSU_JUNIOR_ON_CALL_MONTHLY = 400;

  /** Audit events and access records older than this are purged (GDPR), by a job safe across instances. */
  @IntSetting(1, 120)
  AUDIT_RETENTION_MONTHS = 12;

  /** How often each instance runs the retention job, in hours (0: never on this instance). */
  @IntSetting(0, 24 * 7)
  RETENTION_INTERVAL_HOURS = 24;

  /** Public address of the dashboard, for the links of e-mails (default `http://localhost:<PORT>`). */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/, {
    message: 'APP_URL doit être une adresse http:// ou https:// (sans paramètres)',
  })
  APP_URL?: string;

  /** The Département's SMTP server (`smtp://user:password@host:587`, `smtps://…:465`); without it, notices stay in the app. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL doit commencer par smtp:// ou smtps://' })
  SMTP_URL?: string;

  /** Sender of the e-mails, required with SMTP_URL: `Maillage <ne-pas-repondre@departement77.fr>`. */
  @ValidateIf((config: AppConfig) => config.SMTP_URL !== undefined || config.MAIL_FROM !== undefined)
  @Matches(MAIL_ADDRESS, { message: 'MAIL_FROM doit être une adresse e-mail (obligatoire avec SMTP_URL)' })
  MAIL_FROM?: string;

  /** Where replies go (e.g. the mission officer's team address). Optional. */
  @IsOptional()
  @Matches(MAIL_ADDRESS, { message: 'MAIL_REPLY_TO doit être une adresse e-mail' })
  MAIL_REPLY_TO?: string;

  /** How often this instance sends the e-mails due and prepares the weekly digests (seconds; 0: never). */
  @IntSetting(0, 3600)
  MAIL_POLL_SECONDS = 30;

  /** Attempts before an e-mail is marked failed (the administrator may send it again). */
  @IntSetting(1, 50)
  MAIL_MAX_ATTEMPTS = 8;

  /** Delay before the first retry, in seconds; doubled at each attempt (at most 6 hours). */
  @IntSetting(1, 86_400)
  MAIL_RETRY_SECONDS = 60;

  /** Largest document accepted, in megabytes. */
  @IntSetting(1, 1024)
  DOCUMENTS_MAX_MB = 20;

  /** Built dashboard to serve at `/`; empty for the API alone. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export function accreditationRulesOf(config: AppConfig): AccreditationRules {
  return {
    durationYears: { '2': config.ACCREDITATION_YEARS_CYCLE_2, '3': config.ACCREDITATION_YEARS_CYCLE_3 },
    conditionalYears: config.ACCREDITATION_CONDITIONAL_YEARS,
    alertMonths: config.ACCREDITATION_ALERT_MONTHS,
  };
}

export function trainingTargetOf(config: AppConfig): TrainingTarget {
  return { hours: config.MSU_TRAINING_TARGET_HOURS, years: config.MSU_TRAINING_TARGET_YEARS };
}

export function allowanceRulesOf(config: AppConfig): AllowanceRules {
  return {
    transportDistanceKm: config.TRANSPORT_ALLOWANCE_KM,
    transportMonthly: config.TRANSPORT_ALLOWANCE_MONTHLY,
    housingMonthly: config.HOUSING_ALLOWANCE_MONTHLY,
  };
}

/** The dashboard's public address, without a trailing slash. */
export function appUrlOf(config: AppConfig): string {
  return (config.APP_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

export function supervisionIncomeRulesOf(config: AppConfig): SupervisionIncomeRules {
  return {
    internMonthly: config.MSU_INTERN_MONTHLY,
    juniorBaseMonthly: config.MSU_JUNIOR_BASE_MONTHLY,
    juniorSupplementMonthly: config.MSU_JUNIOR_SUPPLEMENT_MONTHLY,
    juniorZoneMonthly: config.MSU_JUNIOR_ZONE_MONTHLY,
    juniorOnCallMonthly: config.MSU_JUNIOR_ON_CALL_MONTHLY,
  };
}

export class ConfigValidationError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) => `  - ${e.property} (${JSON.stringify(e.value)}): ${m}`),
    );
    throw new ConfigValidationError(`Configuration invalide :\n${lines.join('\n')}`);
  }
  return config;
}
