import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport } from 'nodemailer';

import { AppConfig } from '../config/app-config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per logical message, so that a receiving server can spot a duplicate. */
  messageId: string;
}

/** Timeouts short enough that a silent server never holds a message beyond its lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The Département's SMTP server (`SMTP_URL`), through nodemailer. Without `SMTP_URL` nothing is
 * sent: `enabled` is false and notices stay in the app.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter;

  constructor(private readonly config: AppConfig) {
    this.transporter = config.SMTP_URL ? createTransport({ url: config.SMTP_URL, ...TIMEOUTS }) : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Resolves once the server accepted the message; rejects with its answer otherwise. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      replyTo: this.config.MAIL_REPLY_TO,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  }

  /** Checks the connection in the background (a warning at start, never a failure). */
  verifyInBackground(): void {
    if (!this.transporter) return;
    this.transporter.verify().then(
      () => this.logger.log({ msg: 'smtp server reachable' }),
      (error: unknown) =>
        this.logger.warn({ msg: 'smtp server not reachable yet: e-mails wait in the outbox', error: String(error) }),
    );
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}

/** The start banner's line about e-mail. */
export function mailBannerLine(config: AppConfig): string {
  if (!config.SMTP_URL) {
    return 'E-mails : non configurés (SMTP_URL absent) — les notifications restent dans l’application';
  }
  const { protocol, hostname, port } = new URL(config.SMTP_URL);
  return `E-mails : ${protocol.replace(':', '')}://${hostname}${port ? `:${port}` : ''}, expéditeur ${config.MAIL_FROM ?? ''}`;
}
