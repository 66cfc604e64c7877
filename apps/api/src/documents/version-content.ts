import type { DataSource, EntityManager } from 'typeorm';

/** Chunks read per query (2 MiB): a download never holds a whole file in memory. */
const CHUNKS_PER_READ = 8;

/**
 * The bytes of a version, chunk by chunk, in order. Versions never change once written, so the
 * reads need no transaction; a stream consumer that stops early stops the reads.
 */
export async function* versionContent(db: DataSource | EntityManager, versionId: string): AsyncGenerator<Buffer> {
  let next = 0;
  for (;;) {
    const rows = await db.query<{ seq: number; data: Buffer }[]>(
      'SELECT seq, data FROM document_chunks WHERE version_id = $1 AND seq >= $2 ORDER BY seq LIMIT $3',
      [versionId, next, CHUNKS_PER_READ],
    );
    for (const row of rows) yield row.data;
    if (rows.length < CHUNKS_PER_READ) return;
    next = rows[rows.length - 1].seq + 1;
  }
}
