import type { Logger } from '@nestjs/common';

/**
 * A job run in the API process now and then at every interval. A plain timer is enough: every
 * instance may run it, the jobs themselves are safe to run concurrently (locks, unique keys).
 * A run never overlaps the previous one; a failure is logged and the next tick tries again.
 * Schedulers own one and stop it in `beforeApplicationShutdown`, before the database pool closes.
 */
export class PeriodicRun {
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> | null = null;

  constructor(
    private readonly logger: Logger,
    /** The log message of a failed run, e.g. `reminders failed`. */
    private readonly failure: string,
    private readonly run: () => Promise<unknown>,
  ) {}

  get started(): boolean {
    return this.timer !== null;
  }

  /** Runs now, then every `everyMs`; `false` when switched off (0) or already started. */
  start(everyMs: number): boolean {
    if (everyMs === 0 || this.timer) return false;
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
    this.tick();
    return true;
  }

  /** Stops the timer and lets a run in progress finish. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private tick(): void {
    if (this.inFlight) return; // the previous run is still going
    this.inFlight = this.run()
      .catch((error: unknown) => this.logger.error({ msg: this.failure, error: (error as Error).message }))
      .finally(() => {
        this.inFlight = null;
      });
  }
}
