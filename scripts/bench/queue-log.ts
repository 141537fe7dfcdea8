/**
 * npm run bench:queue-log [-- LINES [ROUNDS]]
 * Times parseQueueLog (apps/telephony-events/src/adapters/asterisk-queue-log.ts) over a realistic
 * in-memory Asterisk queue_log of LINES lines (default 1,000,000), and in the same run a bare
 * split-lines-and-split-fields loop over the same text, as the plain baseline. Prints medians.
 * Then the upload: BENCH_UPLOAD_MB (default 100) of queue_log — BENCH_UPLOAD_REAL_LINES (default
 * 100,000) realistic lines, then INFO and junk lines — streamed over HTTP to telephony-events in its
 * own process (--max-old-space-size=128, as deployed), and the same bytes to a plain node:http
 * server that only splits the stream into lines: peak RSS of each and /health/live latency meanwhile.
 * BENCH_UPLOAD_MB=0 skips it.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { mintToken } from '@app/auth';
import { freePort, startPrivateNatsServer } from '@app/messaging/testing/nats-server';
import { createTestDatabase } from '@app/persistence/testing/test-database';
import { createServiceApp, loadServiceConfig, startServiceApp } from '@app/platform';
import { parseQueueLog } from '../../apps/telephony-events/src/adapters/asterisk-queue-log';
import { TELEPHONY_SERVICE } from '../../apps/telephony-events/src/telephony-events.service';
import { fmt, median, percentile, rssMb } from './bench-util';
import { generateQueueLog } from './ingest/queue-log-text';
import { startNode, stop, waitReady, type NodeChild } from './processes';

const LINES = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = Number(process.argv[3] ?? 3);

/** The plain baseline: split into lines, split each line into its fields. */
function bareSplit(text: string): number {
  let fields = 0;
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    fields += line.split('|').length;
  }
  return fields;
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = work();
  return { ms: performance.now() - t0, result };
}

function parseBench(): void {
  const { ms: genMs, result: text } = timed(() => generateQueueLog(LINES));
  process.stdout.write(`generated ${fmt(LINES)} queue_log lines (${fmt(text.length / 1e6, 1)} MB) in ${fmt(genMs)} ms\n`);
  // Warm both up on a slice so the first round does not time the JIT alone.
  const warm = text.slice(0, text.indexOf('\n', 2_000_000));
  parseQueueLog(warm);
  bareSplit(warm);

  const parseRates: number[] = [];
  const bareRates: number[] = [];
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const first = timed(() => parseQueueLog(text));
  global.gc?.();
  const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  for (let round = 0; round < ROUNDS; round++) {
    const parseMs = round === 0 ? first.ms : timed(() => parseQueueLog(text).events.length).ms;
    global.gc?.();
    const bareMs = timed(() => bareSplit(text)).ms;
    parseRates.push(LINES / (parseMs / 1000));
    bareRates.push(LINES / (bareMs / 1000));
    process.stdout.write(`round ${round + 1}: parseQueueLog ${fmt(parseRates[round])} lines/s (${fmt(parseMs)} ms), bare split ${fmt(bareRates[round])} lines/s (${fmt(bareMs)} ms)\n`);
  }
  const r = first.result;
  const verbs = Object.entries(r.counts).sort((a, b) => b[1] - a[1]).map(([v, n]) => `${v} ${fmt(n)}`).join(', ');
  const p = median(parseRates);
  const b = median(bareRates);
  process.stdout.write(
    [
      `bench:queue-log  ${fmt(LINES)} lines, ${ROUNDS} rounds, 2-core machine (medians)`,
      `  verbs: ${verbs}`,
      `  parseQueueLog → ${fmt(r.events.length)} call events, ${fmt(r.agentStates.length)} agent states, ${fmt(r.ignored.length)} ignored, ${fmt(r.unparseable.length)} unparseable`,
      `  parseQueueLog:                      ${fmt(p)} lines/s`,
      `  bare split lines + split fields:    ${fmt(b)} lines/s`,
      `  ratio parseQueueLog / bare split: ${fmt(p / b, 2)}`,
      global.gc ? `  heap held by one parse result: ${fmt(heldMb)} MB (for ${fmt(text.length / 1e6, 1)} MB of text)` : '',
    ].filter(Boolean).join('\n') + '\n',
  );
}

const UPLOAD_MB = Number(process.env.BENCH_UPLOAD_MB ?? 100);
const REAL_LINES = Number(process.env.BENCH_UPLOAD_REAL_LINES ?? 100_000);
const SECRET = 'bench-secret-0123456789';
/** Above the upload: what is measured is the memory a large upload takes, not the cap refusing it. */
const UPLOAD_CAP = '1gb';
const SERVICE_NODE_FLAGS = ['--max-old-space-size=128', '-r', '@swc-node/register'];

/** The child processes this file runs as: the service with the cap raised, or the plain line splitter. */
async function serve(kind: string): Promise<void> {
  if (kind === 'telephony') {
    const def = { ...TELEPHONY_SERVICE, bodyLimits: { ...TELEPHONY_SERVICE.bodyLimits, streamed: UPLOAD_CAP } };
    const config = loadServiceConfig(def.name, def.defaultPort);
    await startServiceApp(await createServiceApp(def, config), config.port, '127.0.0.1');
    return;
  }
  createServer((req, res) => {
    if (req.url === '/health/live') return void res.end('{"status":"ok"}');
    let lines = 0;
    let fields = 0;
    const reader = createInterface({ input: req, crlfDelay: Infinity });
    reader.on('line', (line) => {
      lines++;
      fields += line.split('|').length;
    });
    reader.on('close', () => res.writeHead(202).end(JSON.stringify({ lines, fields })));
  }).listen(Number(process.env.PORT), '127.0.0.1');
}

/** The upload's bytes: a realistic log, then INFO and junk lines up to `mb`, in 64 KB pieces. */
function uploadPieces(mb: number): Buffer[] {
  const now = Math.floor(Date.now() / 1000) - 86_400;
  const real = generateQueueLog(REAL_LINES, 11, now - REAL_LINES);
  const padding = `${now}|NONE|NONE|NONE|INFO|an exporter's note, set aside\n1|c|q|a|\n`.repeat(1_000);
  const pieces: Buffer[] = [];
  const whole = Buffer.from(`${real}\n`);
  for (let i = 0; i < whole.length; i += 65_536) pieces.push(whole.subarray(i, i + 65_536));
  for (let size = whole.length; size < mb * 1024 * 1024; size += padding.length) pieces.push(Buffer.from(padding));
  return pieces;
}

/** Streams the pieces (chunked) while /health/live is asked every 20 ms; peak RSS from /proc. */
async function upload(child: NodeChild, port: number, path: string, pieces: Buffer[], auth: string) {
  const rss0 = rssMb(child.proc.pid!);
  const t0 = performance.now();
  const answer = fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'text/plain' },
    body: Readable.toWeb(Readable.from(pieces)) as ReadableStream,
    duplex: 'half',
  } as RequestInit).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  let done = false;
  void answer.finally(() => (done = true));
  const live: number[] = [];
  while (!done) {
    const t = performance.now();
    await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.text());
    live.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const res = await answer;
  const seconds = (performance.now() - t0) / 1000;
  return { res, seconds, rssBefore: rss0.now, rssPeak: rssMb(child.proc.pid!).peak, live };
}

async function uploadBench(): Promise<void> {
  const pieces = uploadPieces(UPLOAD_MB);
  const bytes = pieces.reduce((n, p) => n + p.length, 0);
  const [dbh, nats] = await Promise.all([createTestDatabase('cc_bench'), startPrivateNatsServer()]);
  const [servicePort, plainPort] = [await freePort(), await freePort()];
  const env = { DATABASE_URL: dbh.url, NATS_URL: nats.url, AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'error' };
  const self = join(__dirname, 'queue-log.ts');
  const service = startNode([...SERVICE_NODE_FLAGS, self, '--serve', 'telephony'], { ...env, PORT: String(servicePort) });
  const plain = startNode([...SERVICE_NODE_FLAGS, self, '--serve', 'plain'], { PORT: String(plainPort) });
  try {
    await Promise.all([waitReady(servicePort, '/health/ready'), waitReady(plainPort, '/health/live')]);
    const auth = `Bearer ${mintToken(SECRET, { sub: 'bench', roles: ['telephony'] })}`;
    const s = await upload(service, servicePort, '/v1/call-events/asterisk-queue-log', pieces, auth);
    const p = await upload(plain, plainPort, '/lines', pieces, '');
    const line = (name: string, u: typeof s) =>
      `  ${name} ${fmt(u.seconds, 1)} s (${fmt(bytes / 1024 / 1024 / u.seconds, 1)} MB/s); RSS ${fmt(u.rssBefore)} MB before, peak ${fmt(u.rssPeak)} MB; ` +
      `/health/live p50 ${fmt(percentile(u.live, 50), 1)} ms, p99 ${fmt(percentile(u.live, 99), 1)} ms, max ${fmt(Math.max(...u.live), 1)} ms (${u.live.length} asked)`;
    const r = s.res.body;
    process.stdout.write(
      [
        `bench:queue-log upload  ${fmt(bytes / 1024 / 1024, 1)} MB sent chunked (${fmt(REAL_LINES)} realistic lines, then INFO and junk lines)`,
        `  service answered ${s.res.status}: ${fmt(Number(r.accepted))} events accepted, ${fmt(Number(r.ignoredCount))} lines ignored, ${fmt(Number(r.unparseableCount))} unparseable`,
        line('service (read as a stream, parsed and stored 4,000 lines at a time):', s),
        line('baseline (node:http → readline, split fields, nothing stored):       ', p),
        `  plain baseline answered ${p.res.status}: ${fmt(Number(p.res.body.lines))} lines`,
      ].join('\n') + '\n',
    );
  } finally {
    await Promise.all([stop(service), stop(plain)]);
    await dbh.drop();
    await nats.dispose();
  }
}

if (process.argv[2] === '--serve') {
  void serve(process.argv[3]);
} else {
  parseBench();
  if (UPLOAD_MB > 0) {
    void uploadBench().catch((err) => {
      process.stderr.write(`${err.stack ?? err}\n`);
      process.exit(1);
    });
  }
}
