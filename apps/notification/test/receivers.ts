import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface Received {
  at: number;
  headers: IncomingMessage['headers'];
  body: string;
  answered: number | null;
}

/** A webhook receiver on loopback; `answer` decides per request (a status, or null = never answer). */
export interface Receiver {
  url: string;
  received: Received[];
  answer: (req: Received, index: number) => number | null;
  close(): Promise<void>;
}

export async function startReceiver(answer: Receiver['answer']): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const r = { received: [] as Received[], answer } as Receiver;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rec: Received = { at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered: null };
      const status = r.answer(rec, r.received.length);
      r.received.push(rec);
      if (status === null) return; // hold the connection open: the sender must time out
      rec.answered = status;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  r.url = `http://127.0.0.1:${port}/hook`;
  r.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return r;
}
