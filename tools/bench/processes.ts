/**
 * The servers the benchmark measures, each in its own Node process: the built API
 * (`dist/apps/api/main.js`, production settings, optionally with the SQL trace preloaded) and the
 * raw handler (raw-server.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { freePort } from '../../apps/api/src/database/embedded-postgres';

export interface Server {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

const root = join(__dirname, '..', '..');
/** The build measured: `dist` of this tree, or `BENCH_DIST` (another build, e.g. an older commit's). */
export const DIST = resolve(process.env['BENCH_DIST'] ?? join(root, 'dist'));
const TS_NODE = ['-r', 'ts-node/register/transpile-only'];

/** The built API on `databaseUrl`; `traceFile` preloads sql-trace.ts, `logFile` receives its logs. */
export async function startApi(options: {
  databaseUrl: string;
  logFile: string;
  traceFile?: string;
  /** A directory: the API runs with `--cpu-prof` and writes its profile there when it stops. */
  cpuProfileDir?: string;
  env?: Record<string, string>;
}): Promise<Server> {
  const port = await freePort();
  const preload = [
    ...(options.traceFile ? [...TS_NODE, '-r', join(__dirname, 'sql-trace.ts')] : []),
    ...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []),
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    DEMO_DATA: 'false',
    TERRITORY_DEPARTEMENTS: '77',
    LOGIN_RATE_LIMIT: '100000000',
    REMINDERS_INTERVAL_MINUTES: '0',
    WEB_DIST_DIR: join(DIST, 'apps', 'web', 'browser'),
    TS_NODE_PROJECT: join(root, 'tools', 'tsconfig.json'),
    ...(options.traceFile ? { BENCH_SQL_TRACE: options.traceFile } : {}),
    ...options.env,
  };
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [...preload, join(DIST, 'apps', 'api', 'main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(child, `${base}/api/health`, `API (log: ${options.logFile})`);
  return { base, pid: child.pid as number, stop: () => stop(child) };
}

/** The raw `node:http` + `pg` handler replaying the scenario file. */
export async function startRaw(options: {
  databaseUrl: string;
  scenarioFile: string;
  logFile: string;
}): Promise<Server> {
  const port = await freePort();
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [...TS_NODE, join(__dirname, 'raw-server.ts')], {
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_PROJECT: join(root, 'tools', 'tsconfig.json'),
      RAW_PORT: String(port),
      RAW_SCENARIO: options.scenarioFile,
      DATABASE_URL: options.databaseUrl,
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(child, `${base}/`, `raw handler (log: ${options.logFile})`);
  return { base, pid: child.pid as number, stop: () => stop(child) };
}

async function waitFor(child: ChildProcess, url: string, what: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      // Any HTTP answer means it listens (the raw handler answers 404 to an unknown endpoint).
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${what} did not start within 3 minutes`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
