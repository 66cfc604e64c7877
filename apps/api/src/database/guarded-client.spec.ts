import { EventEmitter } from 'node:events';

import { GuardedClient } from './guarded-client';

/** A socket that never answers unless told to: records whether the client gave it up. */
class FakeSocket extends EventEmitter {
  destroyed: Error | null = null;
  destroy(error: Error): void {
    this.destroyed = error;
  }
}

/** Blocks the event loop, as a long computation or a GC pause would. */
function busy(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function watched(stallMs: number): { socket: FakeSocket; stop: () => void } {
  const client = new GuardedClient({ stall_timeout: stallMs });
  const socket = new FakeSocket();
  (client as unknown as { connection: { stream: FakeSocket } }).connection.stream = socket;
  const stop = (client as unknown as { watch(ms: number): () => void }).watch(stallMs);
  return { socket, stop };
}

describe('GuardedClient stall timer', () => {
  it('gives a silent connection up after the stall window', async () => {
    const { socket } = watched(50);
    await tick(20);
    expect(socket.destroyed).toBeNull();
    await tick(80);
    expect(socket.destroyed?.message).toMatch(/Query read timeout/);
  });

  it('leaves a query alone once it is answered', async () => {
    const { socket, stop } = watched(50);
    await tick(10);
    stop();
    await tick(100);
    expect(socket.destroyed).toBeNull();
  });

  it('gives a late timer another period when the server sent something meanwhile', async () => {
    const { socket, stop } = watched(50);
    // The answer arrives while the loop is busy; it is read before the late timer judges.
    setImmediate(() => socket.emit('data', Buffer.from('partial answer')));
    busy(700);
    await tick(20);
    expect(socket.destroyed).toBeNull();
    stop();
  });

  it('does not give a late timer a blind second period when the server is silent (frozen)', async () => {
    const { socket } = watched(50);
    busy(700);
    // Without an answer the connection is given up as soon as the loop is free, not 50 ms later.
    await tick(20);
    expect(socket.destroyed?.message).toMatch(/Query read timeout/);
  });
});
