import type { TransactionScope } from '@app/persistence';
import { OutboxWriter } from './outbox-writer';

/** A scope that records the statements instead of running them (the SQL itself is exercised by the attendance integration specs). */
function fakeScope(inTransaction = true) {
  const queries: Array<{ sql: string; params: unknown[] }> = [];
  const hooks: Array<() => void> = [];
  const scope = {
    inTransaction: () => inTransaction,
    manager: () => ({ query: async (sql: string, params: unknown[]) => void queries.push({ sql, params }) }),
    afterCommit: (hook: () => void) => void hooks.push(hook),
  } as unknown as TransactionScope;
  return { scope, queries, hooks };
}

describe('OutboxWriter.addMany', () => {
  it('writes every message in one statement with one jsonb parameter, and wakes the relay after the commit', async () => {
    const { scope, queries, hooks } = fakeScope();
    const woken = jest.fn();
    const ids = await new OutboxWriter(scope, 'att', woken).addMany([
      { subject: 'a.b', payload: { n: 1 }, messageId: 'm-1' },
      { subject: 'a.c', payload: { n: 2 }, headers: { h: 'v' } },
    ]);
    expect(ids[0]).toBe('m-1');
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(queries).toHaveLength(1);
    expect(queries[0].sql).toContain('"att".outbox_message');
    expect(queries[0].sql).toContain('ON CONFLICT (id) DO NOTHING');
    expect(JSON.parse(queries[0].params[0] as string)).toEqual([
      { id: 'm-1', subject: 'a.b', payload: { n: 1 } }, // no headers key: stored as SQL NULL, as `add` does
      { id: ids[1], subject: 'a.c', payload: { n: 2 }, headers: { h: 'v' } },
    ]);
    expect(woken).not.toHaveBeenCalled();
    hooks.forEach((h) => h());
    expect(woken).toHaveBeenCalledTimes(1);
  });

  it('writes nothing for no messages', async () => {
    const { scope, queries, hooks } = fakeScope();
    expect(await new OutboxWriter(scope, 'att').addMany([])).toEqual([]);
    expect(queries).toHaveLength(0);
    expect(hooks).toHaveLength(0);
  });

  it('refuses to run outside a business transaction', async () => {
    const { scope } = fakeScope(false);
    await expect(new OutboxWriter(scope, 'att').addMany([{ subject: 'a.b', payload: {} }])).rejects.toThrow(/inside TransactionScope.run/);
  });
});
