import type {
  AccreditationRules,
  AllowanceRules,
  SupervisionIncomeRules,
  TrainingTarget,
} from '@maillage/shared/domain';
import { defaultsOf, flag, integer, listOf, matching, oneOf, readSettings, type SettingValues, text } from './settings';

/** `name@domain` or `Name <name@domain>`, on one line. */
const MAIL_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
const MAIL_FROM_MESSAGE = 'MAIL_FROM doit être une adresse e-mail (obligatoire avec SMTP_URL)';

/**
 * Every setting of the API, read from the environment and validated at boot: default, then
 * range or form. `.env.example` and the README's configuration table document each one; keep them in step.
 */
const SETTINGS = {
  NODE_ENV: oneOf(['development', 'production', 'test'], 'production'),
  PORT: integer(3000, 0, 65535),
  HOST: text('0.0.0.0'),
  /** An external PostgreSQL server. Without it, an embedded server is started in DATA_DIR. */
  DATABASE_URL: matching(/^postgres(ql)?:\/\/.+/, 'DATABASE_URL doit commencer par postgres:// ou postgresql://'),
  /** Where the embedded PostgreSQL keeps its files (ignored with DATABASE_URL). */
  DATA_DIR: text('.maillage-data'),
  /** Port of the embedded PostgreSQL; 0 picks a free one at each start. */
  EMBEDDED_POSTGRES_PORT: integer(0, 0, 65535),
  /** Every API request is answered within this time (503 beyond; its writes are rolled back). */
  REQUEST_TIMEOUT_MS: integer(4_500, 1_000, 600_000),
  /** Bulk requests (imports, reference files, exports) are answered within this time instead. */
  BULK_REQUEST_TIMEOUT_MS: integer(900_000, 10_000, 3_600_000),
  /** `statement_timeout` inside the transactions of that bulk work. */
  BULK_STATEMENT_TIMEOUT_MS: integer(600_000, 1_000, 3_600_000),
  /** Waiting for a database connection (pool or new one) before answering 503. */
  DB_CONNECT_TIMEOUT_MS: integer(2_000, 100, 60_000),
  /** PostgreSQL `statement_timeout`: a slower statement is cancelled (503); the client gives up 0.5 s later. */
  DB_STATEMENT_TIMEOUT_MS: integer(3_500, 100, 600_000),
  /** PostgreSQL `lock_timeout`: waiting longer for a lock held by another transaction answers 503. */
  DB_LOCK_TIMEOUT_MS: integer(2_000, 100, 600_000),
  /** PostgreSQL `idle_in_transaction_session_timeout`: a transaction left open ends. */
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(10_000, 1_000, 3_600_000),
  /** `auto`: demo data on the first start of the embedded database only. */
  DEMO_DATA: oneOf(['auto', 'true', 'false'], 'auto'),
  /** Départements this deployment serves (INSEE codes, comma-separated). */
  TERRITORY_DEPARTEMENTS: listOf(
    /^(?:\d{2}|2[AB]|97\d)$/,
    'TERRITORY_DEPARTEMENTS contient un code de département invalide',
    ['77'],
  ),
  /** GeoJSON of commune contours: a file path or an http(s) URL. Optional. */
  COMMUNE_CONTOURS_SOURCE: text(),
  SESSION_TTL_HOURS: integer(12, 1, 24 * 30),
  /** `auto` marks the session cookie Secure when the request came over HTTPS. */
  COOKIE_SECURE: oneOf(['auto', 'true', 'false'], 'auto'),
  /** Express "trust proxy" setting, e.g. `1` behind one reverse proxy. */
  TRUST_PROXY: text(),
  /** Session ends after this many minutes without a request (the absolute limit is SESSION_TTL_HOURS). */
  SESSION_IDLE_MINUTES: integer(30, 1, 24 * 60),
  /** Failed logins allowed per client address and account within the window (429 beyond). */
  LOGIN_RATE_LIMIT: integer(5, 1),
  /** Failed logins allowed per client address, all accounts together, within the window. */
  LOGIN_ADDRESS_LIMIT: integer(100, 1),
  /** Failed logins allowed per account within the window, from addresses that failed on it. */
  LOGIN_ACCOUNT_LIMIT: integer(20, 1),
  LOGIN_RATE_WINDOW_SECONDS: integer(900, 1),
  API_DOCS_ENABLED: flag(true),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
  /** Accreditation rules (DOMAIN.md): validity per cycle, conditional validity, alert window. */
  ACCREDITATION_YEARS_CYCLE_2: integer(5, 1, 10),
  ACCREDITATION_YEARS_CYCLE_3: integer(5, 1, 10),
  ACCREDITATION_CONDITIONAL_YEARS: integer(1, 1, 5),
  ACCREDITATION_ALERT_MONTHS: integer(6, 0, 24),
  /** Continuing MSU training target: hours over a rolling number of years. */
  MSU_TRAINING_TARGET_HOURS: integer(21, 1),
  MSU_TRAINING_TARGET_YEARS: integer(5, 1),
  /** Field work: a site not visited for this many months raises a reminder. */
  SITE_VISIT_INTERVAL_MONTHS: integer(12, 1, 60),
  /** A referral without follow-up for this many days raises a reminder. */
  REFERRAL_FOLLOW_UP_DAYS: integer(30, 1, 365),
  /** How often the reminder job runs, in minutes (0: never, e.g. on a read-only replica). */
  REMINDERS_INTERVAL_MINUTES: integer(15, 0, 1440),
  /** Intern allowances (euros per month) and the transport distance threshold (km). */
  TRANSPORT_ALLOWANCE_KM: integer(15, 0),
  TRANSPORT_ALLOWANCE_MONTHLY: integer(130, 0),
  HOUSING_ALLOWANCE_MONTHLY: integer(300, 0),
  /** Data in and out: spreadsheet imports (size of a file, rows per file, XLSX once unzipped). */
  IMPORT_MAX_UPLOAD_MB: integer(20, 1, 1024),
  IMPORT_MAX_ROWS: integer(50_000, 1, 1_000_000),
  XLSX_MAX_UNCOMPRESSED_MB: integer(100, 1, 4096),
  /** The national RPPS extract (about 820 MB) and commune contours uploaded by an administrator. */
  RPPS_MAX_UPLOAD_MB: integer(2048, 1, 16_384),
  CONTOURS_MAX_UPLOAD_MB: integer(200, 1, 4096),
  /** National address service (BAN), e.g. https://api-adresse.data.gouv.fr; off when empty. */
  BAN_URL: matching(/^https?:\/\/.+/, 'BAN_URL doit commencer par http:// ou https://'),
  BAN_TIMEOUT_MS: integer(3000, 100, 60_000),
  /** What supervising pays an MSU (euros per month, DOMAIN.md): intern, docteur junior and supplements. */
  MSU_INTERN_MONTHLY: integer(600, 0),
  MSU_JUNIOR_BASE_MONTHLY: integer(600, 0),
  MSU_JUNIOR_SUPPLEMENT_MONTHLY: integer(1200, 0),
  MSU_JUNIOR_ZONE_MONTHLY: integer(800, 0),
  MSU_JUNIOR_ON_CALL_MONTHLY: integer(400, 0),
  /** Audit events and access records older than this are purged (GDPR), by a job safe across instances. */
  AUDIT_RETENTION_MONTHS: integer(12, 1, 120),
  /** How often each instance runs the retention job, in hours (0: never on this instance). */
  RETENTION_INTERVAL_HOURS: integer(24, 0, 24 * 7),
  /** Public address of the dashboard, for the links of e-mails (default `http://localhost:<PORT>`). */
  APP_URL: matching(
    /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?$/,
    'APP_URL doit être une adresse http:// ou https:// (sans paramètres)',
  ),
  /** The Département's SMTP server (`smtp://user:password@host:587`, `smtps://…:465`); without it, notices stay in the app. */
  SMTP_URL: matching(/^smtps?:\/\/\S+$/, 'SMTP_URL doit commencer par smtp:// ou smtps://'),
  /** Sender of the e-mails, required with SMTP_URL: `Maillage <ne-pas-repondre@departement77.fr>`. */
  MAIL_FROM: matching(MAIL_ADDRESS, MAIL_FROM_MESSAGE),
  /** Where replies go (e.g. the mission officer's team address). Optional. */
  MAIL_REPLY_TO: matching(MAIL_ADDRESS, 'MAIL_REPLY_TO doit être une adresse e-mail'),
  /** How often this instance sends the e-mails due and prepares the weekly digests (seconds; 0: never). */
  MAIL_POLL_SECONDS: integer(30, 0, 3600),
  /** Attempts before an e-mail is marked failed (the administrator may send it again). */
  MAIL_MAX_ATTEMPTS: integer(8, 1, 50),
  /** Delay before the first retry, in seconds; doubled at each attempt (at most 6 hours). */
  MAIL_RETRY_SECONDS: integer(60, 1, 86_400),
  /** Largest document accepted, in megabytes. */
  DOCUMENTS_MAX_MB: integer(20, 1, 1024),
  /** Built dashboard to serve at `/`; empty for the API alone. */
  WEB_DIST_DIR: text(),
};

/** The settings' values, injectable as `AppConfig`. */
export type AppConfig = SettingValues<typeof SETTINGS>;
/** The injection token of the settings; `new AppConfig()` holds the defaults. */
export const AppConfig = class AppConfig {
  constructor() {
    Object.assign(this, defaultsOf(SETTINGS));
  }
} as new () => AppConfig;

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
  const { values, refusals } = readSettings(SETTINGS, env);
  if (env.SMTP_URL && !env.MAIL_FROM) {
    refusals.push(`MAIL_FROM (undefined): ${MAIL_FROM_MESSAGE}`);
  }
  if (refusals.length > 0) {
    throw new ConfigValidationError(`Configuration invalide :\n${refusals.map((line) => `  - ${line}`).join('\n')}`);
  }
  return Object.assign(new AppConfig(), values);
}
