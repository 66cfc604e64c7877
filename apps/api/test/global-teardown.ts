import type { EmbeddedServer } from '../src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __MAILLAGE_PG__?: EmbeddedServer }).__MAILLAGE_PG__;
  await server?.stop();
}
