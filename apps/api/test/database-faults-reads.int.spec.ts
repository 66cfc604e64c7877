import { normalizeSearchText } from '@maillage/shared/domain';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DataSource } from 'typeorm';

import { createApp } from '../src/bootstrap';
import { SYSTEM_ACTOR } from '../src/common/scope/territory-scope';
import { loadConfig } from '../src/config/app-config';
import { ensureDatabase } from '../src/database/database-target';
import { migrate } from '../src/database/migrate';
import { ImportTasks } from '../src/imports/import-tasks';
import { OutboxService } from '../src/mail/outbox.service';
import { NotificationsScheduler } from '../src/notifications/notifications-scheduler';
import { RetentionScheduler } from '../src/personal-data/retention-scheduler';
import { Professional } from '../src/professionals/professional.entity';
import { ReminderScheduler } from '../src/tasks/reminders/reminder-scheduler';
import { TerritoryLoaderService } from '../src/territory/territory-loader.service';
import { UsersService } from '../src/users/users.service';
import { pdfBytes } from './document-fixtures';
import { fixture } from './import-helpers';
import { buildAccreditation, buildSite } from './site-factories';
import { startTestSmtp, type TestSmtp } from './smtp-test-server';
import {
  ANSWER_WITHIN_MS,
  CLIENT_TIMEOUT_MS,
  faultsUrl,
  holdFaultsServer,
  postmasterPid,
  processTree,
  signalAll,
  sleep,
  untilAnswers,
} from './support/faults-server';

const CLIENTS = 8;
const PASSWORD = 'correct-horse-battery-77';
/** More than two pages of an export (200 rows each): the database can die between two pages. */
const PROFESSIONALS = 450;

interface Outcome {
  kind: string;
  bulk?: boolean;
  startedAt: number;
  /** Until the status line: the answer (a streamed body may follow). */
  ms: number;
  /** Until the end of the body (or the cut). */
  total: number;
  status: number | 'hung';
  /** A 200 whose body stopped short: the connection was cut, the client saw an error. */
  cut?: boolean;
  retryAfter?: string | null;
}

interface Call {
  kind: string;
  path: string;
  init?: RequestInit;
  /** Statuses this request may answer beside 503 (2xx by default). */
  ok?: number[];
  /** A streamed body: a 200 cut short is the known limit of HTTP once the status is sent. */
  streamed?: boolean;
  /**
   * A file moved (upload, import, export): no request deadline (`bulk-routes.ts`), so its answer is
   * due within 5 s of the fault, not of its start — it may have been busy for a while before.
   */
  bulk?: boolean;
}

describe('a stalled, then stopped, real PostgreSQL under a mixed load (reads, files, logins, jobs)', () => {
  let app: INestApplication;
  let base: string;
  let token: string;
  let release: (() => Promise<void>) | undefined;
  let smtp: TestSmtp;
  let userId: string;
  const email = 'lectrice@test.maillage.fr';
  const ids = { site: '', task: '', accreditation: '', document: '', snapshot: '' };

  const auth = () => ({ Authorization: `Bearer ${token}` });
  const json = (body: unknown) => ({
    headers: { ...auth(), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  async function call(c: Call): Promise<Outcome> {
    const startedAt = Date.now();
    const init = { ...c.init, headers: { ...auth(), ...c.init?.headers } };
    let status: number | 'hung' = 'hung';
    let retryAfter: string | null = null;
    let ms = 0;
    try {
      const res = await fetch(`${base}${c.path}`, { ...init, signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
      ms = Date.now() - startedAt;
      status = res.status;
      retryAfter = res.headers.get('Retry-After');
      await res.arrayBuffer();
      return { kind: c.kind, bulk: !!c.bulk, startedAt, ms, total: Date.now() - startedAt, status, retryAfter };
    } catch (error) {
      const total = Date.now() - startedAt;
      // Aborted by the client's own timeout: no complete answer in time.
      if ((error as Error).name === 'TimeoutError' || total >= CLIENT_TIMEOUT_MS) {
        return { kind: c.kind, bulk: !!c.bulk, startedAt, ms: total, total, status: 'hung' };
      }
      // Status received, then the body was cut: the server ended the stream on an error.
      return {
        kind: c.kind,
        bulk: !!c.bulk,
        startedAt,
        ms: ms || total,
        total,
        status,
        cut: status !== 'hung',
        retryAfter,
      };
    }
  }

  async function create(path: string, body: unknown): Promise<string> {
    const res = await fetch(`${base}${path}`, { method: 'POST', ...json(body) });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  function upload(bytes: Buffer, name: string): RequestInit {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    return { method: 'POST', body: form };
  }

  beforeAll(async () => {
    release = await holdFaultsServer();
    smtp = await startTestSmtp();
    await ensureDatabase(faultsUrl('postgres'), 'faults_reads');
    const url = faultsUrl('faults_reads');
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      TERRITORY_DEPARTEMENTS: '77',
      LOGIN_RATE_LIMIT: '100000',
      LOGIN_ADDRESS_LIMIT: '100000',
      LOGIN_ACCOUNT_LIMIT: '100000',
      MAIL_POLL_SECONDS: '1',
      MAIL_RETRY_SECONDS: '1',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'ne-pas-repondre@departement77.fr',
    });
    app = await createApp(config, url, { quiet: true });
    const db = app.get(DataSource);
    await migrate(db);
    Logger.overrideLogger(['error']);
    await new TerritoryLoaderService(db, config).load();
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    ({ id: userId } = await app.get(UsersService).create(SYSTEM_ACTOR, {
      email,
      displayName: 'Chargée de mission',
      role: 'mission_officer',
      departementCode: '77',
      password: PASSWORD,
    }));
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    ids.site = await create('/api/sites', buildSite({ name: 'Maison de santé de Melun' }));
    ids.task = await create('/api/tasks', { title: 'Relancer la maison de santé' });
    ids.accreditation = await create('/api/accreditations', buildAccreditation({ siteId: ids.site }));
    ids.snapshot = await create('/api/offer-snapshots', { title: 'Comité de suivi' });
    // 3 MB: two reads of chunks, so the database can die in the middle of a download.
    const big = await fetch(`${base}/api/accreditations/${ids.accreditation}/documents`, {
      ...upload(pdfBytes('Décision ARS', 3_000_000), 'decision.pdf'),
      headers: auth(),
    });
    if (big.status !== 201) throw new Error(`upload: ${big.status} ${await big.text()}`);
    ids.document = ((await big.json()) as { id: string }).id;
    const professionals = db.getRepository(Professional);
    await professionals.save(
      Array.from({ length: PROFESSIONALS }, (_, n) =>
        professionals.create({
          civility: 'DR',
          firstName: 'Claire',
          lastName: `Martin${n}`,
          searchText: normalizeSearchText(`Claire Martin${n}`),
          msuStage: 'active',
          msuStageSince: '2024-01-01',
          departementCode: '77',
          archivedAt: null,
        }),
      ),
      { chunk: 150 },
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await release?.();
  });

  /** One of each kind of request; the load cycles through them. */
  function calls(): Call[] {
    return [
      { kind: 'list sites', path: '/api/sites' },
      { kind: 'list professionals', path: '/api/professionals?q=martin' },
      { kind: 'list accreditations', path: '/api/accreditations' },
      { kind: 'list tasks', path: '/api/tasks' },
      { kind: 'detail', path: `/api/sites/${ids.site}` },
      { kind: 'dashboard', path: '/api/dashboard' },
      { kind: 'map', path: '/api/map' },
      { kind: 'search', path: '/api/search?q=melun' },
      {
        kind: 'login',
        path: '/api/auth/login',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        },
        ok: [200],
      },
      {
        kind: 'login refused',
        path: '/api/auth/login',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password: 'not-the-password-77' }),
        },
        ok: [401],
      },
      { kind: 'export csv', path: '/api/exports/professionals?format=csv', streamed: true, bulk: true },
      { kind: 'export xlsx', path: '/api/exports/professionals?format=xlsx', streamed: true, bulk: true },
      { kind: 'pdf', path: `/api/exports/offer-snapshots/${ids.snapshot}`, streamed: true },
      { kind: 'download', path: `/api/documents/${ids.document}/content`, streamed: true },
      {
        kind: 'upload',
        path: `/api/accreditations/${ids.accreditation}/documents`,
        init: upload(pdfBytes('Avenant'), 'avenant.pdf'),
        // At most 3 uploads at a time: the slots are held longer while the database stalls.
        ok: [201, 429],
        bulk: true,
      },
      {
        kind: 'upload 3 MB',
        path: `/api/accreditations/${ids.accreditation}/documents`,
        init: upload(pdfBytes('Convention', 3_000_000), 'convention.pdf'),
        ok: [201, 429],
        bulk: true,
      },
      {
        kind: 'import',
        path: '/api/imports?kind=sites&fileName=sites.csv',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: new Uint8Array(fixture('sites-utf8-bom-comma.csv')),
        },
        bulk: true,
      },
      { kind: 'health', path: '/api/health' },
    ];
  }

  /** Reads the task's version, then changes it with If-Match (409 when another client was first). */
  async function patchTask(): Promise<Outcome[]> {
    const read = await fetch(`${base}/api/tasks/${ids.task}`, {
      headers: auth(),
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    })
      .then(async (res) => (res.status === 200 ? ((await res.json()) as { version: number }) : null))
      .catch(() => null);
    if (!read) return [];
    return [
      await call({
        kind: 'patch If-Match',
        path: `/api/tasks/${ids.task}`,
        init: {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json', 'If-Match': `"${read.version}"` },
          body: JSON.stringify({ title: `Relancer ${Date.now()}` }),
        },
        ok: [200, 409],
      }),
    ];
  }

  it('answers every kind of request 503 within 5 s or as usual, never 500, never hangs, and recovers', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const outcomes: (Outcome & { expected: boolean })[] = [];
    const kinds = calls();
    const judge = (c: Call, o: Outcome) =>
      o.status === 503 ||
      (o.status !== 'hung' && (c.ok ?? [200, 201, 202]).includes(o.status) && (!o.cut || !!c.streamed));
    // The background jobs run during the outage: they must log and retry, never crash the process.
    const scheduler = app.get(NotificationsScheduler);
    const runs: { at: number; ok: boolean }[] = [];
    const runOnce = scheduler.runOnce.bind(scheduler);
    scheduler.runOnce = () =>
      runOnce().then(
        (result) => (runs.push({ at: Date.now(), ok: true }), result),
        (error: unknown) => {
          runs.push({ at: Date.now(), ok: false });
          throw error;
        },
      );
    scheduler.start();
    let running = true;
    // E-mails queued all along (in their own transaction, as a business write would): the outbox
    // sender meets the outage between its claim, its SMTP send and its « sent ».
    const outbox = app.get(OutboxService);
    const queued: string[] = [];
    const enqueuer = (async () => {
      for (let n = 0; running; n++) {
        const key = `faults-${n}`;
        await outbox
          .enqueue(app.get(DataSource).manager, {
            departementCode: '77',
            kind: 'referral_created',
            dedupeKey: key,
            userId,
            recipient: email,
            email: { subject: `Message ${n}`, text: `Message ${n}`, html: `<p>Message ${n}</p>` },
          })
          .then(
            () => queued.push(key),
            () => undefined,
          );
        await sleep(150);
      }
    })();
    const clients = Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client * 3; running; i++) {
        if (i % (kinds.length + 1) === kinds.length) {
          for (const o of await patchTask())
            outcomes.push({ ...o, expected: judge({ kind: o.kind, path: '', ok: [200, 409] }, o) });
          continue;
        }
        const c = kinds[i % (kinds.length + 1)];
        const o = await call(c);
        outcomes.push({ ...o, expected: judge(c, o) });
      }
    });
    const success = (o: Outcome) => o.status !== 'hung' && o.status >= 200 && o.status < 300 && !o.cut;
    const firstAfter = (since: number, ok: (o: Outcome) => boolean) =>
      Math.min(...outcomes.filter((o) => o.startedAt + o.ms >= since && ok(o)).map((o) => o.startedAt + o.ms));

    await sleep(2_000);
    const firstPid = postmasterPid() as number;
    const frozen = processTree(firstPid);
    const frozenAt = Date.now();
    signalAll(frozen, 'SIGSTOP');
    await sleep(1_000);
    // Their first run meets the frozen server.
    app.get(ReminderScheduler).start();
    app.get(RetentionScheduler).start();
    await sleep(7_000);
    const resumedAt = Date.now();
    signalAll(frozen, 'SIGCONT');
    await sleep(4_000);
    const killedAt = Date.now();
    process.kill(firstPid, 'SIGKILL');
    await sleep(9_000);
    // A loaded machine may take longer to restart it: keep the load until it is back (20 s more at most).
    const back = () =>
      Number.isFinite(
        firstAfter(
          firstAfter(killedAt, (o) => o.status === 503),
          success,
        ),
      );
    for (let extra = 0; !back() && extra < 20_000; extra += 500) await sleep(500);
    running = false;
    await Promise.all([...clients, enqueuer]);
    lag.disable();
    const lagMs = Math.round(lag.max / 1e6);

    const to503 = (firstAfter(frozenAt, (o) => o.status === 503) - frozenAt) / 1000;
    const toRecovery = (firstAfter(resumedAt, success) - resumedAt) / 1000;
    const to503Stopped = (firstAfter(killedAt, (o) => o.status === 503) - killedAt) / 1000;
    const toRestart = (firstAfter(killedAt + to503Stopped * 1000, success) - killedAt) / 1000;

    // After the restart, every kind of request works again (the server may still be recovering).
    await untilAnswers(() => app.get(DataSource).query('SELECT 1'));
    const after: Outcome[] = [];
    for (const c of kinds) {
      let o = await call(c);
      for (let tries = 0; o.status === 503 && tries < 20; tries++) {
        await sleep(500);
        o = await call(c);
      }
      after.push(o);
    }
    after.push(...(await patchTask()));
    // The cached figures are not stale after the outage: a new site counts at once.
    const sitesOnDashboard = async () =>
      ((await (await fetch(`${base}/api/dashboard`, { headers: auth() })).json()) as { sites: { total: number } }).sites
        .total;
    const before = await sitesOnDashboard();
    await create('/api/sites', buildSite({ name: 'Maison de santé après la panne' }));
    const afterWrite = await sitesOnDashboard();
    // The notifications job ran again after the restart, on its own.
    const runsAfterRestart = () => runs.filter((r) => r.ok && r.at > killedAt + toRestart * 1000).length;
    for (let tries = 0; runsAfterRestart() === 0 && tries < 20; tries++) await sleep(500);

    // The outbox: every message queued is sent once the database is back, none is marked failed;
    // a message claimed just before a fault waits for its lease (LEASE_SECONDS) and is sent then.
    const mail = async () =>
      app
        .get(DataSource)
        .query<
          { status: string; n: number }[]
        >('SELECT status, count(*)::int AS n FROM outbox_messages WHERE dedupe_key = ANY($1) GROUP BY status ORDER BY status', [queued]);
    const count = (rows: { status: string; n: number }[], status: string) =>
      rows.find((r) => r.status === status)?.n ?? 0;
    let mails = await mail();
    for (let tries = 0; count(mails, 'pending') > 0 && tries < 20; tries++) {
      await sleep(500);
      mails = await mail();
    }
    const sentIds = (
      await app
        .get(DataSource)
        .query<
          { id: string }[]
        >(`SELECT id FROM outbox_messages WHERE dedupe_key = ANY($1) AND status = 'sent'`, [queued])
    ).map((r) => `<${r.id}@maillage>`);
    const received = smtp.messages.map((m) => m.messageId);
    const missing = sentIds.filter((id) => !received.includes(id));
    const twice = received.length - new Set(received).size;

    // Imports whose background work met the outage: none is left « analysing » once the work is done.
    await app.get(ImportTasks).idle();
    const imports = await app
      .get(DataSource)
      .query<
        { status: string; n: number }[]
      >('SELECT status, count(*)::int AS n FROM import_jobs GROUP BY status ORDER BY status');

    const wrong = outcomes.filter((o) => !o.expected);
    const hung = outcomes.filter((o) => o.status === 'hung');
    const without = outcomes.filter((o) => (o.status === 503 || o.status === 429) && o.retryAfter === null);
    // The wait of an answer: from its start, or for a bulk request from the fault it met, if later.
    const waited = (o: Outcome) => {
      if (!o.bulk) return o.ms;
      const answeredAt = o.startedAt + o.ms;
      const fault = Math.max(...[frozenAt, killedAt].filter((at) => at <= answeredAt));
      return answeredAt - Math.max(o.startedAt, fault);
    };
    const slowest = Math.max(...outcomes.map(waited));
    const byKind = new Map<string, Outcome[]>();
    for (const o of outcomes) byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), o]);
    const line = (k: string, os: Outcome[]) =>
      `    ${k.padEnd(20)} ${String(os.length).padStart(4)} requests: ${os.filter(success).length} ok, ` +
      `${os.filter((o) => o.status === 503).length} × 503, ${os.filter((o) => o.status === 429).length} × 429, ` +
      `${os.filter((o) => o.cut).length} cut, slowest ${Math.max(...os.map((o) => o.ms))} ms, waited ${Math.max(...os.map(waited))} ms ` +
      `(body ${Math.max(...os.map((o) => o.total))} ms)`;
    process.stdout.write(
      [
        `Database faults (mixed load): ${outcomes.length} requests of ${byKind.size} kinds by ${CLIENTS} clients`,
        ...[...byKind].map(([k, os]) => line(k, os)),
        `  frozen: first 503 after ${to503.toFixed(1)} s, recovered ${toRecovery.toFixed(1)} s after SIGCONT`,
        `  stopped: first 503 after ${to503Stopped.toFixed(1)} s, back ${toRestart.toFixed(1)} s after SIGKILL (postmaster ${firstPid} → ${postmasterPid()})`,
        `  longest wait for an answer ${slowest} ms (event-loop delay of the test process up to ${lagMs} ms), hung ${hung.length}, unexpected ${wrong.length}${wrong.length ? ` (${wrong.map((o) => `${o.kind} ${o.status}${o.cut ? ' cut' : ''}`).join(', ')})` : ''}`,
        `  notifications job: ${runs.filter((r) => !r.ok).length} failed runs, ${runs.filter((r) => r.ok).length} done, ${runsAfterRestart()} after the restart`,
        `  outbox: ${queued.length} e-mails queued: ${mails.map((r) => `${r.n} ${r.status}`).join(', ')}; ${received.length} received by SMTP, ${twice} twice, ${missing.length} « sent » but not received`,
        `  import jobs: ${imports.map((r) => `${r.n} ${r.status}`).join(', ')}`,
        `  after the restart: ${after.filter(success).length}/${after.length} kinds answer; dashboard sites ${before} → ${afterWrite} after a new site`,
      ].join('\n') + '\n',
    );

    expect(hung).toEqual([]);
    expect(wrong.map((o) => `${o.kind} ${o.status}${o.cut ? ' cut' : ''}`)).toEqual([]);
    expect(without).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(ANSWER_WITHIN_MS + 2 * lagMs);
    expect(to503).toBeLessThanOrEqual(5);
    expect(Number.isFinite(toRecovery)).toBe(true);
    expect(Number.isFinite(toRestart)).toBe(true);
    expect(postmasterPid()).not.toBe(firstPid);
    expect(
      after.filter((o) => !success(o) && !(o.kind === 'login refused' && o.status === 401) && o.status !== 409),
    ).toEqual([]);
    expect(afterWrite).toBe(before + 1);
    expect(queued.length).toBeGreaterThan(0);
    expect(count(mails, 'failed')).toBe(0);
    expect(count(mails, 'pending')).toBe(0);
    expect(missing).toEqual([]);
    expect(imports.filter((r) => r.status === 'analysing')).toEqual([]);
    expect(runs.some((r) => !r.ok)).toBe(true);
    expect(runsAfterRestart()).toBeGreaterThan(0);
  }, 120_000);
});
