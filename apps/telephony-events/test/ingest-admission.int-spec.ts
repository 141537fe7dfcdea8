import { TransactionScope } from '@app/persistence';
import { sleep } from '../../../tests/support/wait-for';
import { IngestAdmission } from '../src/ingest/ingest-admission';
import { CallDirtyQueue } from '../src/store/call-dirty.queue';
import { CallSummarizer } from '../src/summarize/call-summarizer';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/** Backpressure: a store waits while the derivation backlog is at the limit, and never longer than the policy says. */
describe('ingest admission', () => {
  let t: TelephonyHarness;
  let scope: TransactionScope;
  let queue: CallDirtyQueue;
  let admission: IngestAdmission;

  beforeAll(async () => {
    t = await startTelephony();
    await t.app.get(CallSummarizer).onApplicationShutdown(); // the backlog is moved by hand here
    scope = t.app.get(TransactionScope);
    queue = t.app.get(CallDirtyQueue);
    admission = t.app.get(IngestAdmission);
  });
  afterAll(async () => t?.close());

  it('holds a store while the backlog is at the limit and lets it go once the backlog is derived', async () => {
    await scope.run(() => queue.mark(['adm-1', 'adm-2']));
    expect(await queue.backlog()).toBe(2);
    let stored = false;
    const waiting = admission.run(1, { backlogCalls: 2, waitMs: 600_000 }, async () => {
      stored = true;
      return scope.run(() => queue.mark(['adm-3']));
    });
    await sleep(500); // a quiet period: nothing may be stored in it
    expect(stored).toBe(false);
    expect(await scope.run(() => queue.claim(1))).toHaveLength(1); // one call derived: room for one
    await waiting;
    expect(stored).toBe(true);
    expect(await queue.backlog()).toBe(2);
    await scope.run(() => queue.claim(10));
  });

  it('counts its own admitted stores with the backlog, and stores anyway once the wait is over', async () => {
    expect(await queue.backlog()).toBe(0);
    let release!: () => void;
    const first = admission.run(3, { backlogCalls: 3, waitMs: 600_000 }, () => new Promise<void>((r) => (release = r)));
    const order: string[] = [];
    const startedAt = Date.now();
    const second = admission.run(1, { backlogCalls: 3, waitMs: 300 }, async () => void order.push('second'));
    await second; // 0 in the backlog + 3 admitted ≥ 3: it waited out its 300 ms, then was stored anyway
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
    expect(order).toEqual(['second']);
    release();
    await first;
  });
});
