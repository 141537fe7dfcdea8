import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

interface ScopeState {
  manager: EntityManager;
  afterCommit: Array<() => void>;
}

/**
 * One business transaction shared by everything that runs inside `run()`: the message inbox, the
 * handler's own writes and the outbox rows. Repositories ask `manager()` instead of taking a
 * manager argument, so a use case written for HTTP works unchanged inside a message handler.
 */
export class TransactionScope {
  private readonly als = new AsyncLocalStorage<ScopeState>();

  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction, or joins the one already open in this async context. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.als.getStore();
    if (open) return work(open.manager);
    const state: ScopeState = { manager: this.dataSource.manager, afterCommit: [] };
    const result = await this.dataSource.transaction((manager) => {
      state.manager = manager;
      return this.als.run(state, () => work(manager));
    });
    for (const hook of state.afterCommit) hook();
    return result;
  }

  /** The open transaction's manager, or the plain one outside a transaction. */
  manager(): EntityManager {
    return this.als.getStore()?.manager ?? this.dataSource.manager;
  }

  inTransaction(): boolean {
    return this.als.getStore() !== undefined;
  }

  /** Runs `hook` once the open transaction has committed (never if it rolls back). */
  afterCommit(hook: () => void): void {
    const open = this.als.getStore();
    if (!open) throw new Error('afterCommit() needs an open transaction');
    open.afterCommit.push(hook);
  }
}
