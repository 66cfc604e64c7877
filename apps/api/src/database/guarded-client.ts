import { Client } from 'pg';

/**
 * A pg client that gives a stalled connection up for good. When a query outlives the
 * client-side timeout (`query_timeout`: the server did not answer at all, e.g. it is frozen),
 * pg reports the error but keeps waiting on the socket, and the next user of the connection
 * would wait too. Here the socket is destroyed instead: the pool drops the client, and the
 * server aborts the transaction the client gave up on as soon as it runs again, so a write
 * answered 503 is not committed later.
 */
export class GuardedClient extends Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        this.abandonIfStalled(error);
        (last as (e: unknown, r: unknown) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.catch((error: unknown) => this.abandonIfStalled(error));
    return result as never;
  }

  private abandonIfStalled(error: unknown): void {
    if (!(error instanceof Error) || error.message !== 'Query read timeout') return;
    const connection = (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection;
    connection?.stream?.destroy();
  }
}
