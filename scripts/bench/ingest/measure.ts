import type { NatsConnection } from '@nats-io/transport-node';
import type { Client } from 'pg';

export interface PostRun {
  firstAt: number;
  lastAnsweredAt: number;
  /** performance.now() when each body's answer arrived. */
  answeredAt: number[];
  accepted: number;
  duplicates: number;
  rejected: number;
  /** POSTs answered 5xx and sent again. */
  retried: number;
}

/**
 * POSTs the bodies in order with `concurrency` requests in flight; with `dueMs`, body i is not
 * sent before dueMs(i) after the start (pacing). Any answer but 202 is an error.
 */
export async function postBodies(url: string, auth: string, bodies: string[], concurrency: number, dueMs?: (i: number) => number): Promise<PostRun> {
  const run: PostRun = { firstAt: performance.now(), lastAnsweredAt: 0, answeredAt: [], accepted: 0, duplicates: 0, rejected: 0, retried: 0 };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const wait = dueMs ? run.firstAt + dueMs(i) - performance.now() : 0;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let res: Response;
      let text: string;
      // A 5xx is retried as a telephony system would (events are idempotent by eventId), and counted.
      for (let attempt = 1; ; attempt++) {
        res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: bodies[i] });
        text = await res.text();
        if (res.status < 500 || attempt === 5) break;
        run.retried++;
      }
      if (res.status !== 202) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      run.answeredAt[i] = performance.now();
      const r = JSON.parse(text) as { accepted: number; duplicates: number; rejected: unknown[] | number };
      run.accepted += r.accepted;
      run.duplicates += r.duplicates;
      run.rejected += Array.isArray(r.rejected) ? r.rejected.length : r.rejected;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  run.lastAnsweredAt = performance.now();
  return run;
}

/** When each call's answer was in: the latest answer among the bodies that carried its events. */
export function callReadyAt(events: Array<{ callId: string }>, batch: number, run: PostRun): Map<string, number> {
  const ready = new Map<string, number>();
  events.forEach((e, j) => {
    const at = run.answeredAt[Math.floor(j / batch)];
    if (at > (ready.get(e.callId) ?? 0)) ready.set(e.callId, at);
  });
  return ready;
}

/**
 * Listens to `telephony.call.summarized` on the private NATS and records, per expected call, when
 * the first fact carrying all its events arrived: the "published fact" moment.
 */
export class PublishedFacts {
  private expected = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private lastProgress = performance.now();

  constructor(nc: NatsConnection, subject: string) {
    nc.subscribe(subject, {
      callback: (err, m) => {
        if (err) return;
        const f = m.json<{ callId: string; sourceEventIds: string[] }>();
        const want = this.expected.get(f.callId);
        if (want === undefined || this.done.has(f.callId) || f.sourceEventIds.length < want) return;
        this.done.set(f.callId, (this.lastProgress = performance.now()));
      },
    });
  }

  expect(perCall: Map<string, number>): void {
    this.expected = perCall;
    this.done.clear();
    this.lastProgress = performance.now();
  }

  /** Stops waiting for calls that will never get a complete fact (reported separately). */
  forget(callIds: string[]): void {
    for (const id of callIds) this.expected.delete(id);
  }

  /** Resolves with the arrival time per call once all arrived; throws after `stallMs` without progress. */
  async all(stallMs = 60_000): Promise<Map<string, number>> {
    while (this.done.size < this.expected.size) {
      if (performance.now() - this.lastProgress > stallMs) {
        throw new Error(`stalled: ${this.done.size}/${this.expected.size} calls have a complete published fact`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.done;
  }
}

/**
 * After the last answer: polls until `check(db)` returns true and returns that moment; until then
 * it returns what it saw, for the error. Polling begins only once every POST was answered, so one
 * query is enough to see all their commits.
 */
export async function pollUntil(db: Client, check: (db: Client) => Promise<true | string>, everyMs = 100, stallMs = 180_000): Promise<number> {
  const deadline = performance.now() + stallMs;
  for (;;) {
    const seen = await check(db);
    if (seen === true) return performance.now();
    if (performance.now() > deadline) throw new Error(`the database did not reach the expected state: ${seen}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
