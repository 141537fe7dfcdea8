import { ShortReadCache } from './short-read-cache';
import type { TransactionScope } from './transaction-scope';

/** A scope with one open transaction whose commit the test performs. */
function openTransaction() {
  const hooks: Array<() => void> = [];
  const scope = { inTransaction: () => true, afterCommit: (h: () => void) => hooks.push(h) } as unknown as TransactionScope;
  return { scope, commit: () => hooks.splice(0).forEach((h) => h()) };
}

describe('ShortReadCache', () => {
  it('keeps a read for its time, and a write makes the next read load again', async () => {
    const { scope } = openTransaction();
    const cache = new ShortReadCache<string>(scope, 60_000);
    expect(await cache.get(async () => 'v1')).toBe('v1');
    expect(await cache.get(async () => 'v2')).toBe('v1');
    cache.forget();
    expect(await cache.get(async () => 'v2')).toBe('v2');
  });

  it('does not keep what a read that raced the write found: the old value is not cached past the commit', async () => {
    const { scope, commit } = openTransaction();
    const cache = new ShortReadCache<string>(scope, 60_000);
    let finishOldRead!: (v: string) => void;
    const oldRead = cache.get(() => new Promise<string>((r) => (finishOldRead = r))); // began before the write committed
    cache.forget(); // the write, inside its transaction
    finishOldRead('old');
    expect(await oldRead).toBe('old');
    commit();
    expect(await cache.get(async () => 'new')).toBe('new');
  });

  it('forgets again at the commit what was read inside the writing transaction', async () => {
    const { scope, commit } = openTransaction();
    const cache = new ShortReadCache<string>(scope, 60_000);
    cache.forget();
    expect(await cache.get(async () => 'read before commit')).toBe('read before commit');
    commit();
    expect(await cache.get(async () => 'committed')).toBe('committed');
  });
});
