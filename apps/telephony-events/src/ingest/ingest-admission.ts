import { Injectable } from '@nestjs/common';
import { CallDirtyQueue } from '../store/call-dirty.queue';

/** How often a waiting request looks at the backlog again (one count serves every waiter of the process). */
const LOOK_EVERY_MS = 50;

/**
 * Backpressure between storing events and deriving facts. When events arrive faster than they can be
 * derived, admitting them all makes a backlog that grows for as long as the burst lasts, and every fact
 * trails its events by that much (bench:ingest at saturation: p99 POST → fact 10–16 s). A request waits
 * here instead while the backlog — counted in the database, so every instance sees the same — plus the
 * calls of this process's requests already admitted but not yet stored is at the policy's limit. Waiting
 * is bounded: past `waitMs` the request is stored anyway, so nothing is refused or lost for it, and the
 * sender simply slows to the rate the facts are derived at.
 */
@Injectable()
export class IngestAdmission {
  private admitted = 0;
  private look?: { at: number; backlog: Promise<number> };

  constructor(private readonly dirty: CallDirtyQueue) {}

  /** Waits for room for `calls` calls; runs `store` and frees the room when it is done. */
  async run<T>(calls: number, limits: { backlogCalls: number; waitMs: number }, store: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + limits.waitMs;
    while (Date.now() < deadline && (await this.backlog()) + this.admitted >= limits.backlogCalls) {
      await new Promise((r) => setTimeout(r, LOOK_EVERY_MS));
    }
    this.admitted += calls;
    try {
      return await store();
    } finally {
      this.admitted -= calls;
    }
  }

  private backlog(): Promise<number> {
    const now = Date.now();
    if (!this.look || now - this.look.at >= LOOK_EVERY_MS) this.look = { at: now, backlog: this.dirty.backlog() };
    return this.look.backlog;
  }
}
