import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/**
 * The supervised PostgreSQL of the global setup that the database-fault tests freeze and kill,
 * and what those tests share: the processes to signal, and a lock so that two fault files run
 * by two jest workers never freeze the server under each other.
 */

/** The client gives up after this long: a request still unanswered then "hung". */
export const CLIENT_TIMEOUT_MS = 9_000;
/**
 * The promise: 503 within 5 s — plus the scheduling delay this busy machine adds, measured as the
 * event-loop delay of this process, counted twice: the server's timer may fire that late, and
 * the client, in the same process, may read the answer that late again.
 */
export const ANSWER_WITHIN_MS = 5_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The postmaster and every process it started (backends, checkpointer, WAL writer…). */
export function processTree(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === pid ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
  return [pid, ...children];
}

export function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // exited meanwhile
    }
  }
}

/** The supervised server's postmaster: its pid is the first line of postmaster.pid. */
export function postmasterPid(): number | null {
  try {
    const dir = process.env['TEST_FAULTS_DATA_DIR'] as string;
    return Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]) || null;
  } catch {
    return null;
  }
}

export function faultsUrl(database: string): string {
  const url = new URL(process.env['TEST_FAULTS_ADMIN_URL'] as string);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Retries a query while the server says it is starting up (recovery after a crash), up to 60 s. */
export async function untilAnswers(query: () => Promise<unknown>): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      await query();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(500);
    }
  }
}

const FAULTS_LOCK = 770_078;

/**
 * Takes the faults server for this file, on the other (never frozen) test server: released by the
 * returned function. Call it before anything touches the faults server.
 */
export async function holdFaultsServer(): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: process.env['TEST_DATABASE_ADMIN_URL'] });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [FAULTS_LOCK]);
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [FAULTS_LOCK]);
    await client.end();
  };
}
