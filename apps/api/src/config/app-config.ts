import type { AccreditationRules, AllowanceRules, TrainingTarget } from '@maillage/shared/domain';
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
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/**
 * Every setting of the API, read from the environment and validated at boot.
 * `.env.example` documents each one; keep both in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
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
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 0;

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

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_TTL_HOURS = 12;

  /** `auto` marks the session cookie Secure when the request came over HTTPS. */
  @IsIn(['auto', 'true', 'false'])
  COOKIE_SECURE: 'auto' | 'true' | 'false' = 'auto';

  /** Express "trust proxy" setting, e.g. `1` behind one reverse proxy. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 60;

  @Transform(toBool)
  @IsBoolean()
  API_DOCS_ENABLED = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Accreditation rules (DOMAIN.md): validity per cycle, conditional validity, alert window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ACCREDITATION_YEARS_CYCLE_2 = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  ACCREDITATION_YEARS_CYCLE_3 = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5)
  ACCREDITATION_CONDITIONAL_YEARS = 1;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24)
  ACCREDITATION_ALERT_MONTHS = 6;

  /** Continuing MSU training target: hours over a rolling number of years. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  MSU_TRAINING_TARGET_HOURS = 21;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MSU_TRAINING_TARGET_YEARS = 5;

  /** Field work: a site not visited for this many months raises a reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60)
  SITE_VISIT_INTERVAL_MONTHS = 12;

  /** A referral without follow-up for this many days raises a reminder. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFERRAL_FOLLOW_UP_DAYS = 30;

  /** How often the reminder job runs, in minutes (0: never, e.g. on a read-only replica). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1440)
  REMINDERS_INTERVAL_MINUTES = 15;

  /** Intern allowances (euros per month) and the transport distance threshold (km). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRANSPORT_ALLOWANCE_KM = 15;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRANSPORT_ALLOWANCE_MONTHLY = 130;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  HOUSING_ALLOWANCE_MONTHLY = 300;

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
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  MAIL_POLL_SECONDS = 30;

  /** Attempts before an e-mail is marked failed (the administrator may send it again). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  /** Delay before the first retry, in seconds; doubled at each attempt (at most 6 hours). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  MAIL_RETRY_SECONDS = 60;

  /** Largest document accepted, in megabytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
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
