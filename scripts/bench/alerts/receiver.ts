import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * The webhook receiver of the bench: records when each call's alert first arrived (by `facts.callId`),
 * counts repeats and signatures that do not verify (contracts.md: t=<unix>,v1=<hex HMAC of "t.body">).
 */
export class AlertReceiver {
  readonly arrivals = new Map<string, number>();
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
        const callId = (JSON.parse(body) as { facts?: { callId?: string } }).facts?.callId;
        if (callId) {
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
    this.repeats = 0;
    this.badSignatures = 0;
  }

  async waitFor(callIds: string[], stallMs = 60_000): Promise<void> {
    let last = -1;
    let lastChange = performance.now();
    while (callIds.some((c) => !this.arrivals.has(c))) {
      const n = callIds.filter((c) => this.arrivals.has(c)).length;
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
