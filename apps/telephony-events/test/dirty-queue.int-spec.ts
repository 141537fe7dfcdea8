import { TransactionScope } from '@app/persistence';
import { CallDirtyQueue } from '../src/store/call-dirty.queue';
import { CallSummarizer } from '../src/summarize/call-summarizer';
import { startTelephony, type TelephonyHarness } from './telephony-harness';

/**
 * The race the benchmark found: a call already marked dirty gets another event; a summarizer must
 * not claim it until the transaction storing that event has committed, or the event is never derived.
 */
describe('the dirty-call queue under concurrency', () => {
  let t: TelephonyHarness;
  let scope: TransactionScope;
  let queue: CallDirtyQueue;

  beforeAll(async () => {
    t = await startTelephony();
    await t.app.get(CallSummarizer).onApplicationShutdown(); // this test claims by hand
    scope = t.app.get(TransactionScope);
    queue = t.app.get(CallDirtyQueue);
  });
  afterAll(async () => t?.close());

  it('does not let a call be claimed while a transaction that marks it is still open', async () => {
    await scope.run(() => queue.mark(['X']));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let marked!: () => void;
    const markedNow = new Promise<void>((r) => (marked = r));
    const storing = scope.run(async () => {
      await queue.mark(['X', 'Y']); // X is already dirty: this must still hold it
      marked();
      await gate;
    });
    await markedNow;
    expect(await scope.run(() => queue.claim(10))).toEqual([]); // both rows are held by the open transaction
    release();
    await storing;
    expect((await scope.run(() => queue.claim(10))).sort()).toEqual(['X', 'Y']);
  });

  it('re-marks a call whose event is stored while a summarizer holds its claim', async () => {
    await scope.run(() => queue.mark(['Z']));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let claimed!: (ids: string[]) => void;
    const claimedNow = new Promise<string[]>((r) => (claimed = r));
    const summarizing = scope.run(async () => {
      claimed(await queue.claim(10));
      await gate;
    });
    expect(await claimedNow).toEqual(['Z']);
    const storing = scope.run(() => queue.mark(['Z'])); // waits for the claim to commit, then inserts
    release();
    await Promise.all([summarizing, storing]);
    expect(await scope.run(() => queue.claim(10))).toEqual(['Z']);
  });
});
