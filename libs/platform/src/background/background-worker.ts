import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DrainLoop, describeError } from '@app/messaging';

/**
 * A provider that does `work()` in the background for as long as the app runs: every `everyMs`,
 * and at once when kicked. Stops with the app, waiting for a pass in progress.
 */
export abstract class BackgroundWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly loop: DrainLoop;

  protected constructor(everyMs: number) {
    this.loop = new DrainLoop(() => this.work(), everyMs, (err) => this.logger.warn(`will retry: ${describeError(err)}`));
  }

  protected abstract work(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Run a pass now (e.g. after a commit that created work). */
  kick(): void {
    this.loop.kick();
  }
}
