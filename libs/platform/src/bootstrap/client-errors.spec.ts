import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { answerClientErrorsWithErrorBody } from './client-errors';

/** What a raw HTTP exchange answers: the status line and the body. */
function exchange(port: number, raw: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
  });
}

describe('answerClientErrorsWithErrorBody', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    answerClientErrorsWithErrorBody(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('answers a 20 KB URL 431 with the error body', async () => {
    const res = await exchange(port, `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers).toContain('application/json');
    expect(JSON.parse(res.body)).toEqual({ error: 'REQUEST.HEADERS_TOO_LARGE', message: expect.any(String), details: [] });
  });

  it('answers a request node cannot parse (a NUL in a header, a broken request line) 400 with the error body', async () => {
    for (const raw of ['GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n', 'NOT HTTP AT ALL\r\n\r\n']) {
      const res = await exchange(port, raw);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'REQUEST.MALFORMED', details: [] });
    }
  });

  it('leaves good requests alone', async () => {
    const res = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
  });
});
