import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * The webhook receiver of the bench: records when each call's alert first arrived (by `facts.callId`),
 * counts repeats and signatures that do not verify (contracts.md: t=<unix>,v1=<hex HMAC of "t.body">).
 */
export class AlertReceiver {
  readonly arrivals = new Map<string, number>();
  /** Calls whose alert came inside a flood digest (notification groups one agent's alerts per window), and when. */
  readonly digested = new Map<string, number>();
  digests = 0;
  repeats = 0;
  badSignatures = 0;
  private server?: Server;

  constructor(private readonly secret: string) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const body = Buffer.concat(chunks).toString('utf8');
        if (req.url === '/hook' && !this.verified(body, String(req.headers['x-signature'] ?? ''))) this.badSignatures++;
        const facts = (JSON.parse(body) as { facts?: { callId?: string; groupedAlertIds?: string[] } }).facts;
        const callId = facts?.callId;
        if (facts?.groupedAlertIds) {
          this.digests++;
          // telephony's alert ids are `telephony:<callId>:<leg>:<kind>` (to-alert-event.ts); bench call ids hold no ':'.
          for (const id of facts.groupedAlertIds) if (id.startsWith('telephony:')) this.digested.set(id.split(':')[1], at);
        } else if (callId) {
          if (this.arrivals.has(callId)) this.repeats++;
          else this.arrivals.set(callId, at);
        }
        res.writeHead(204).end();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  reset(): void {
    this.arrivals.clear();
    this.digested.clear();
    this.digests = 0;
    this.repeats = 0;
    this.badSignatures = 0;
  }

  /** Until every call's alert arrived (alone, or with `orDigest` also inside a digest), or nothing new came for `stallMs`. */
  async waitFor(callIds: string[], stallMs = 60_000, orDigest = false): Promise<void> {
    const seen = (c: string) => this.arrivals.has(c) || (orDigest && this.digested.has(c));
    let last = -1;
    let lastChange = performance.now();
    while (callIds.some((c) => !seen(c))) {
      const n = callIds.filter(seen).length;
      if (n !== last) [last, lastChange] = [n, performance.now()];
      if (performance.now() - lastChange > stallMs) throw new Error(`stalled: ${n}/${callIds.length} alerts arrived`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private verified(body: string, header: string): boolean {
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    if (!m || Math.abs(Date.now() / 1000 - Number(m[1])) > 300) return false;
    return timingSafeEqual(createHmac('sha256', this.secret).update(`${m[1]}.${body}`).digest(), Buffer.from(m[2], 'hex'));
  }
}
