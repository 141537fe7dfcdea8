import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { mintToken } from '@app/auth';
import { createServiceApp, startServiceApp, type ServiceApp } from '@app/platform';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { DEFAULT_TELEPHONY_POLICY } from '../src/domain/telephony-policy';
import { TELEPHONY_SERVICE } from '../src/telephony-events.service';

/** Issue 12 item 4: an upload far larger than the heap it may use, read as it arrives. */
const UPLOAD_BYTES = 100 * 1024 * 1024;
/** The service's own cap is raised here: what is measured is memory, which must not follow the size. */
const CAP = '256mb';
/**
 * Heap growth allowed while the upload is read, in this process (service and sender together). The
 * peak is sampled heapUsed, garbage included: ~28 MB was measured for 100 MB at first, 47–65 MB once
 * ingest also noted queue-rollup changes per chunk (issue 20). A body held whole would be the upload's
 * size, 100 MB, again on its own, so the bound stays below that. A sample at or over the bound is taken
 * again right after a full collection, so it counts what the upload keeps alive: on a loaded CI
 * machine collection lagged allocation and garbage alone reached 97 MB.
 */
const HEAP_BOUND_BYTES = 80 * 1024 * 1024;
/** V8's collector, for those second looks (the jest worker runs without --expose-gc). */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const CALLS = 5;
const OVERLONG_LINE = 3;

const now = Math.floor(Date.now() / 1000) - 3_600;
const INFO = `${now}|NONE|NONE|NONE|INFO|a line the exporter writes now and then, read and set aside`;
const JUNK = '1|c|q|a|';

interface Planned {
  lines: number;
  junk: number;
  info: number;
}

/**
 * `bytes` of queue_log, generated as it is sent: INFO and junk lines, one over-long line near the
 * start, and real calls spread through the file, the last one in its final lines.
 */
function queueLog(bytes: number, planned: Planned): Readable {
  const callLines = (n: number) => {
    const id = `stream.${n}`;
    planned.lines += 3;
    return [`${now}|${id}|sales|NONE|ENTERQUEUE||13800000001|1`, `${now + 5}|${id}|sales|SIP/1001|CONNECT|5|x.${id}|2`, `${now + 65}|${id}|sales|SIP/1001|COMPLETECALLER|5|60|1`];
  };
  return Readable.from(
    (function* () {
      let sent = 0;
      let calls = 0;
      while (sent < bytes) {
        const piece: string[] = [];
        if (calls < CALLS && sent >= ((calls + 1) * bytes) / (CALLS + 1)) piece.push(...callLines(calls++));
        for (let i = 0; i < 1_000; i++) {
          const line = ++planned.lines;
          if (line === OVERLONG_LINE) {
            piece.push('9'.repeat(DEFAULT_TELEPHONY_POLICY.queueLogMaxLineLength * 200));
          } else if (line % 2 === 0) {
            piece.push(JUNK);
            planned.junk++;
          } else {
            piece.push(INFO);
            planned.info++;
          }
        }
        const text = `${piece.join('\r\n')}\r\n`;
        sent += text.length;
        yield Buffer.from(text);
      }
      yield Buffer.from(callLines(calls).join('\n')); // the last line without a newline
    })(),
  );
}

/** Posts a stream with chunked transfer encoding (no Content-Length), as a log shipper would. */
function postStream(url: string, token: string, body: Readable): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/v1/call-events/asterisk-queue-log`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
    });
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')) }));
    });
    req.on('error', reject);
    body.pipe(req);
  });
}

describe('queue_log uploads read as a stream', () => {
  let env: TestEnv;
  let service: ServiceApp;
  let url: string;
  const token = () => mintToken(TEST_JWT_SECRET, { sub: 'pbx', roles: ['telephony'] });

  beforeAll(async () => {
    env = await createTestEnv();
    service = await createServiceApp({ ...TELEPHONY_SERVICE, bodyLimits: { ...TELEPHONY_SERVICE.bodyLimits, streamed: CAP } }, env.config('telephony-events'));
    await startServiceApp(service, 0, '127.0.0.1');
    url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await service?.app.close();
    await env?.dispose();
  });

  it(`takes ${UPLOAD_BYTES / 1024 / 1024} MB sent chunked with a bounded heap, stores its calls once and keeps /health/live answering`, async () => {
    const planned: Planned = { lines: 0, junk: 0, info: 0 };
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    let collections = 0;
    const sampler = setInterval(() => {
      let used = process.memoryUsage().heapUsed;
      if (used - heapBefore >= HEAP_BOUND_BYTES) {
        collectGarbage();
        collections++;
        used = process.memoryUsage().heapUsed;
      }
      heapPeak = Math.max(heapPeak, used);
    }, 10);
    const upload = postStream(url, token(), queueLog(UPLOAD_BYTES, planned));
    let done = false;
    void upload.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      expect((await request(url).get('/health/live')).status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    const res = await upload;
    clearInterval(sampler);

    const growth = heapPeak - heapBefore;
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `streamed upload: ${planned.lines} lines; heap growth peak ${(growth / 1024 / 1024).toFixed(1)} MB (${collections} samples taken again after a collection); ` +
        `/health/live ${latencies.length} answers, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms\n`,
    );
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      accepted: (CALLS + 1) * 4, // queued, offered + answered from CONNECT, ended
      duplicates: 0,
      rejectedCount: 0,
      ignoredCount: planned.info,
      unparseableCount: planned.junk + 1,
      counts: { INFO: planned.info, ENTERQUEUE: CALLS + 1, CONNECT: CALLS + 1, COMPLETECALLER: CALLS + 1 },
    });
    const listed = res.body.unparseable as Array<{ line: number; reason: string }>;
    expect(listed.slice(0, 2)).toEqual([
      { line: 2, reason: expect.any(String) },
      { line: OVERLONG_LINE, reason: `line longer than ${DEFAULT_TELEPHONY_POLICY.queueLogMaxLineLength} characters` },
    ]);
    expect(listed).toHaveLength(100);
    const rows = await env.query<{ call_id: string; n: number }>(
      `SELECT call_id, count(*)::int AS n FROM telephony.call_event WHERE call_id LIKE 'stream.%' GROUP BY call_id ORDER BY call_id`,
    );
    expect(rows).toEqual(Array.from({ length: CALLS + 1 }, (_, i) => ({ call_id: `stream.${i}`, n: 4 })));
    expect(latencies.length).toBeGreaterThan(3);
    expect(growth).toBeLessThan(HEAP_BOUND_BYTES);
  });

  it('answers 400 for an empty or blank body and 413 past the cap, the declared length refused unread', async () => {
    const post = (text: string) => request(url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${token()}`).set('Content-Type', 'text/plain').send(text);
    expect((await post('')).body.error).toBe('TELEPHONY.BODY_NOT_QUEUE_LOG');
    expect((await post(' \r\n\n  \n')).body.error).toBe('TELEPHONY.BODY_NOT_QUEUE_LOG');
    const json = await request(url).post('/v1/call-events/asterisk-queue-log').set('Authorization', `Bearer ${token()}`).send({ lines: [] });
    expect([json.status, json.body.error]).toEqual([400, 'TELEPHONY.BODY_NOT_QUEUE_LOG']);
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${url}/v1/call-events/asterisk-queue-log`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token()}`, 'Content-Type': 'text/plain', 'Content-Length': String(300 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write('1|c|q|a|\n'); // and nothing more: the answer must not wait for the other 300 MB
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toBe('REQUEST.TOO_LARGE');
  });
});
