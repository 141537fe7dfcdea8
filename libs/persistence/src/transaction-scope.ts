import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const MAX_ATTEMPTS = 4;

/** 40P01 deadlock_detected, 40001 serialization_failure: the transaction may simply run again. */
export function isTransientConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '40P01' || code === '40001';
}

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

  /**
   * Runs `work` in a transaction, or joins the one already open in this async context. The
   * outermost transaction is run again (a few times, after a short random pause) when PostgreSQL
   * aborts it for a deadlock or a serialization failure: `work` must only touch the database.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.als.getStore();
    if (open) return work(open.manager);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runOnce(work);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isTransientConflict(err)) throw err;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
      }
    }
  }

  private async runOnce<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
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
