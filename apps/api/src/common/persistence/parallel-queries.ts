import type { EntityManager } from 'typeorm';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads side by side on the pool's connections, or one after the other when
 * `manager` is bound to a transaction: a transaction has a single connection, and pg neither
 * pipelines queries on it nor will accept overlapping ones (deprecated in pg 8, an error in pg 9).
 */
export async function readsInParallel<T extends readonly (() => Promise<unknown>)[]>(
  manager: EntityManager,
  reads: T,
): Promise<Results<T>> {
  if (!manager.queryRunner) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}
