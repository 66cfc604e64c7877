import type { EventEmitter } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** What PostgreSQL answers at the end of each statement (`CommandComplete`), or an error. */
interface ProtocolMessage {
  text?: string;
  message?: string;
}

/**
 * Counts the SQL statements an app sends to PostgreSQL, as the server reports them: the app's pool
 * (TypeORM's, which the raw read paths use too) announces every connection it hands out
 * (`acquire`), and each connection's protocol stream announces every statement the server
 * completed (`CommandComplete`, whose tag is e.g. `SELECT 20` or `COMMIT`) or refused. Nothing
 * of the driver is replaced: the statements run exactly as they do in production.
 */
export class StatementCounter {
  private readonly hooked = new WeakSet<object>();
  private seen: string[] | null = null;

  constructor(db: DataSource) {
    const pool = (db.driver as PostgresDriver).master as Pool;
    pool.on('acquire', (client) => this.hook(client));
  }

  /**
   * The statements sent while `send` runs, each as its command (`SELECT`, `INSERT`, `BEGIN`…;
   * `ERROR` for a refused one), in the order the server completed them.
   */
  async during(send: () => Promise<unknown>): Promise<string[]> {
    this.seen = [];
    try {
      await send();
      return this.seen;
    } finally {
      this.seen = null;
    }
  }

  private hook(client: PoolClient): void {
    if (this.hooked.has(client)) return;
    this.hooked.add(client);
    const connection = (client as unknown as { connection: EventEmitter }).connection;
    connection.on('commandComplete', (msg: ProtocolMessage) => this.seen?.push(commandOf(msg.text)));
    connection.on('errorMessage', (msg: ProtocolMessage) => this.seen?.push(`ERROR ${msg.message ?? ''}`));
  }
}

/** `INSERT 0 1` → `INSERT`, `SELECT 20` → `SELECT`: the command without its row count. */
const commandOf = (tag = '') => tag.replace(/( \d+)+$/, '');
