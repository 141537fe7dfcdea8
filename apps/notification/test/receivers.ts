import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';

export interface Received {
  at: number;
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | null;
}

/**
 * A webhook receiver on loopback; `answer` decides per request: a status, null = never answer, or
 * a promise of a status = answer when it settles (a slow endpoint, as slow as the test makes it).
 */
export interface Receiver {
  url: string;
  received: Received[];
  /** TCP connections accepted (a refused send opens none). */
  connections: number;
  answer: (req: Received, index: number) => number | null | Promise<number>;
  close(): Promise<void>;
}

export async function startReceiver(answer: Receiver['answer'], host = '127.0.0.1'): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const r = { received: [] as Received[], connections: 0, answer } as Receiver;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Received = { at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: null };
      const status = r.answer(rec, r.received.length);
      r.received.push(rec);
      if (status === null) return; // hold the connection open: the sender must time out
      void Promise.resolve(status).then((s) => {
        rec.answered = s;
        res.writeHead(s, { 'Content-Type': 'text/plain' }).end(s < 300 ? 'ok' : 'nope');
      });
    });
  });
  server.on('connection', (s: Socket) => {
    r.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  r.url = `http://${host}:${port}/hook`;
  r.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return r;
}

/** A receiver that takes every connection and request and never answers a byte (a black hole). */
export interface Blackhole {
  url: string;
  /** X-Delivery-Id of every request that arrived, in order. */
  deliveryIds: string[];
  connections: number;
  /** Ends every connection and stops listening: later sends are refused at once. */
  close(): Promise<void>;
}

export async function startBlackhole(): Promise<Blackhole> {
  const sockets = new Set<Socket>();
  const b = { deliveryIds: [] as string[], connections: 0 } as Blackhole;
  const server = createTcpServer((s) => {
    b.connections++;
    sockets.add(s);
    let pending = '';
    s.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^x-delivery-id: *(\S+)\r?$/i.exec(line);
        if (m) b.deliveryIds.push(m[1]);
      }
    });
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  b.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  let closed: Promise<void> | undefined;
  b.close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    return closed;
  };
  return b;
}

/** A gate a slow receiver's answers wait on: `open()` lets every held answer and every later one through. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
