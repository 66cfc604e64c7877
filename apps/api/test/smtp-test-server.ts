import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  /** Messages accepted, parsed, in the order received. */
  messages: ParsedMail[];
  /** How many RCPT TO commands were answered (accepted or refused). */
  attempts: number;
  /** While set, every recipient is refused with this SMTP code (4xx: try later, 5xx: refused). */
  refuseWith: number | null;
  /** Waits until `count` messages arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port (no TLS, no authentication), for mail tests. */
export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    messages: [],
    attempts: 0,
    refuseWith: null,
    async waitFor(count, timeoutMs = 10_000) {
      const started = Date.now();
      while (state.messages.length < count) {
        if (Date.now() - started > timeoutMs) {
          throw new Error(`expected ${count} e-mails, got ${state.messages.length}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      state.attempts++;
      if (state.refuseWith === null) return callback();
      const error = new Error(state.refuseWith >= 500 ? 'Mailbox unavailable' : 'Try again later') as Error & {
        responseCode: number;
      };
      error.responseCode = state.refuseWith;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          state.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const listening = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  state.url = `smtp://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  return state;
}

/** A local port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
