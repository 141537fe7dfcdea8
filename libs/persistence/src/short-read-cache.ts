import type { TransactionScope } from './transaction-scope';

/**
 * Something read for every message (a policy, routing rules, webhooks) through a short cache, forgotten when it is written. Forgotten twice: at once, and again
 * once the write's transaction has committed. A read that started before the commit still sees the old row,
 * and without the second forget (and the generation check) it would put the old value back in the cache
 * for a whole `ttlMs` after the write — seen as a notification test whose new flood window was ignored.
 */
export class ShortReadCache<P> {
  private cached?: { at: number; value: P };
  private generation = 0;

  constructor(
    private readonly scope: TransactionScope,
    private readonly ttlMs: number,
  ) {}

  async get(load: () => Promise<P>): Promise<P> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.cached = { at: Date.now(), value };
    return value;
  }

  /** Call where it is written. */
  forget(): void {
    const drop = () => {
      this.generation++;
      this.cached = undefined;
    };
    drop();
    if (this.scope.inTransaction()) this.scope.afterCommit(drop);
  }
}
