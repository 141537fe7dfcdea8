/**
 * Runs `drain` in the background: at once when kicked (after a commit that created work), and
 * every `pollMs` as a safety net for work created elsewhere (another instance, before a crash).
 * Never two drains at a time; a kick during a drain runs another one right after it.
 */
export class DrainLoop {
  private running = false;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private again = false;

  constructor(
    private readonly drain: () => Promise<unknown>,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops scheduling and waits for a drain in progress. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
  }

  kick(): void {
    if (!this.running) return;
    if (this.draining) this.again = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    if (!this.running || this.draining) return;
    this.again = false;
    this.draining = this.drain()
      .then(() => undefined, this.onError)
      .finally(() => {
        this.draining = undefined;
        if (this.running) this.schedule(this.again ? 0 : this.pollMs);
      });
    await this.draining;
  }
}
