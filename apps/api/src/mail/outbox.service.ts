import type { NotificationKind } from '@maillage/shared/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';

import { AppConfig } from '../config/app-config';
import type { RenderedEmail } from './email-layout';
import { MailTransport } from './mail-transport';

export interface EnqueuedEmail {
  departementCode: string;
  kind: NotificationKind;
  /** Names the logical message: a second enqueue with the same key is ignored. */
  dedupeKey: string;
  userId: string;
  recipient: string;
  email: RenderedEmail;
}

interface ClaimedRow {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  max_attempts: number;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

/** How long an instance owns a message it claimed (longer than the SMTP timeouts together). */
export const LEASE_SECONDS = 120;
/** Longest wait between two attempts. */
const MAX_BACKOFF_SECONDS = 6 * 3600;
const BATCH = 10;

/** `MAIL_RETRY_SECONDS` doubled at each attempt, at most 6 hours: the wait after attempt `n` (from 1). */
export function backoffSeconds(firstDelay: number, attempt: number): number {
  return Math.min(firstDelay * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_SECONDS);
}

/**
 * The e-mail outbox in PostgreSQL. Messages are written in the transaction of their event
 * (`enqueue`), then sent by whichever instance claims them first: a claim is one UPDATE over
 * rows picked with `FOR UPDATE SKIP LOCKED`, which marks them `sending` with a lease. A sent
 * message is marked `sent` by its owner only; a failure waits `backoffSeconds` before the next
 * attempt, and after `MAIL_MAX_ATTEMPTS` the message is `failed` for the administrator to see.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);
  /** This process, as written in `locked_by`. */
  readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {}

  /** Whether e-mails are sent at all (`SMTP_URL` set). */
  get enabled(): boolean {
    return this.transport.enabled;
  }

  /** Logs whether the SMTP server answers (a warning, never a failure: messages wait in the outbox). */
  checkServer(): void {
    this.transport.verifyInBackground();
  }

  /** Adds a message in the caller's transaction; `false` when its key was already there. */
  async enqueue(manager: EntityManager, message: EnqueuedEmail): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO outbox_messages (departement_code, kind, dedupe_key, user_id, recipient, subject, text_body,
         html_body, status, attempts, max_attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, now())
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        message.departementCode,
        message.kind,
        message.dedupeKey,
        message.userId,
        message.recipient,
        message.email.subject,
        message.email.text,
        message.email.html,
        this.config.MAIL_MAX_ATTEMPTS,
      ],
    )) as unknown[];
    return rows.length === 1;
  }

  /** Sends every message due now, batch by batch; safe to run on several instances at once. */
  async deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
    if (!this.enabled) return report;
    for (;;) {
      const batch = await this.claim(BATCH);
      if (batch.length === 0) return report;
      for (const row of batch) {
        const outcome = await this.deliver(row);
        if (outcome) report[outcome]++;
      }
    }
  }

  /** Takes up to `limit` due messages (or messages whose owner's lease ran out) for this instance. */
  private async claim(limit: number): Promise<ClaimedRow[]> {
    const [rows] = (await this.db.query(
      `UPDATE outbox_messages m
       SET status = 'sending', attempts = m.attempts + 1, locked_by = $1,
           locked_until = now() + make_interval(secs => $2), updated_at = now()
       WHERE m.id IN (
         SELECT id FROM outbox_messages
         WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
         ORDER BY next_attempt_at, created_at
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING m.id, m.recipient, m.subject, m.text_body, m.html_body, m.attempts, m.max_attempts`,
      [this.instanceId, LEASE_SECONDS, limit],
    )) as [ClaimedRow[], number];
    return rows;
  }

  /**
   * Renews this instance's lease just before sending: a message claimed with a batch may wait
   * behind slow ones; once its lease ran out another instance may own it, and this one skips it.
   */
  private async renewLease(id: string): Promise<boolean> {
    const [rows] = (await this.db.query(
      `UPDATE outbox_messages SET locked_until = now() + make_interval(secs => $3)
       WHERE id = $1 AND locked_by = $2 AND status = 'sending' AND locked_until > now() RETURNING id`,
      [id, this.instanceId, LEASE_SECONDS],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  private async deliver(row: ClaimedRow): Promise<keyof DeliveryReport | null> {
    if (!(await this.renewLease(row.id))) return null;
    try {
      await this.transport.send({
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: `<${row.id}@maillage>`,
      });
    } catch (error) {
      return this.recordFailure(row, error);
    }
    await this.db.query(
      `UPDATE outbox_messages SET status = 'sent', sent_at = now(), last_error = NULL, locked_by = NULL,
         locked_until = NULL, next_attempt_at = NULL, updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'sending'`,
      [row.id, this.instanceId],
    );
    return 'sent';
  }

  private async recordFailure(row: ClaimedRow, error: unknown): Promise<keyof DeliveryReport> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const final = row.attempts >= row.max_attempts;
    const wait = backoffSeconds(this.config.MAIL_RETRY_SECONDS, row.attempts);
    await this.db.query(
      `UPDATE outbox_messages SET status = $3::varchar, last_error = $4, locked_by = NULL, locked_until = NULL,
         next_attempt_at = CASE WHEN $3::varchar = 'failed' THEN NULL ELSE now() + make_interval(secs => $5) END,
         updated_at = now()
       WHERE id = $1 AND locked_by = $2 AND status = 'sending'`,
      [row.id, this.instanceId, final ? 'failed' : 'pending', message, wait],
    );
    this.logger.warn({
      msg: final ? 'e-mail failed for good' : 'e-mail not sent, will retry',
      outboxId: row.id,
      attempt: row.attempts,
      error: message,
      ...(final ? {} : { retryInSeconds: wait }),
    });
    return final ? 'failed' : 'retried';
  }
}
