import type { EntityManager } from 'typeorm';

import { readsInParallel } from './parallel-queries';

/** Reads that record how many of them were running at once. */
function probe() {
  let running = 0;
  let most = 0;
  const read = (value: number) => async () => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running -= 1;
    return value;
  };
  return { read, most: () => most };
}

describe('readsInParallel', () => {
  it('runs the reads side by side on the pool', async () => {
    const { read, most } = probe();
    const pool = { queryRunner: undefined } as unknown as EntityManager;
    await expect(readsInParallel(pool, [read(1), read(2), read(3)] as const)).resolves.toEqual([1, 2, 3]);
    expect(most()).toBe(3);
  });

  it('runs them one after the other on a transaction’s single connection, in order', async () => {
    const { read, most } = probe();
    const transaction = { queryRunner: {} } as unknown as EntityManager;
    await expect(readsInParallel(transaction, [read(1), read(2), read(3)] as const)).resolves.toEqual([1, 2, 3]);
    expect(most()).toBe(1);
  });
});
