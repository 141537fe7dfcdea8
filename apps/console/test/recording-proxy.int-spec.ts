import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '@app/auth';
import { TEST_JWT_SECRET } from '../../../tests/support/test-env';
import { loadConsoleConfig } from '../src/config/console-config';
import { createConsoleApp } from '../src/create-console-app';
import { MEDIA_COOKIE } from '../src/media-session/media-cookie';

/** 1,000 bytes of "audio" whose every byte says where it is, so a range is checked byte for byte. */
const AUDIO = Buffer.from(Array.from({ length: 1_000 }, (_, i) => i % 256));
const BIG = 4 * 1024 * 1024;

/**
 * A stand-in for telephony-events' `GET /v1/calls/{id}/recording`: 401 without a bearer token, the whole file or
 * one `bytes=a-b` range (206, Content-Range, Accept-Ranges) with one; `/v1/calls/held/recording` sends its first
 * megabyte and holds the rest until the test lets it go. Every request's headers are kept.
 */
function stubTelephony() {
  const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => (release = r));
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'AUTH.UNAUTHENTICATED', message: 'no token' }));
      return;
    }
    if (req.url === '/v1/calls/held/recording') {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(BIG), 'accept-ranges': 'bytes' });
      res.write(Buffer.alloc(1024 * 1024, 1));
      void released.then(() => res.end(Buffer.alloc(BIG - 1024 * 1024, 2)));
      return;
    }
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (!range) {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(AUDIO.length), 'accept-ranges': 'bytes' }).end(AUDIO);
      return;
    }
    const [from, to] = [Number(range[1]), Number(range[2])];
    res.writeHead(206, { 'content-type': 'audio/wav', 'content-length': String(to - from + 1), 'content-range': `bytes ${from}-${to}/${AUDIO.length}`, 'accept-ranges': 'bytes' });
    res.end(AUDIO.subarray(from, to + 1));
  });
  return { server, seen, release };
}

const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

describe('recordings through the console proxy (an <audio> element’s ranged requests)', () => {
  const stub = stubTelephony();
  let app: NestExpressApplication;
  let url: string;
  let webDir: string;
  const token = mintToken(TEST_JWT_SECRET, { sub: 'Q01', roles: ['qa'] });

  beforeAll(async () => {
    const upstream = await listen(stub.server);
    webDir = mkdtempSync(join(tmpdir(), 'console-web-empty-'));
    app = await createConsoleApp(loadConsoleConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: TEST_JWT_SECRET, TELEPHONY_EVENTS_URL: upstream, CONSOLE_WEB_DIR: webDir, LOG_LEVEL: 'error' }, webDir));
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    stub.release();
    await app?.close();
    await new Promise((r) => stub.server.close(r));
    rmSync(webDir, { recursive: true, force: true });
  });
  beforeEach(() => stub.seen.splice(0));

  it('passes the Range header to the service and its 206 answer back untouched', async () => {
    const res = await fetch(`${url}/api/telephony-events/v1/calls/c-1/recording`, { headers: { authorization: `Bearer ${token}`, range: 'bytes=100-299' } });
    expect(stub.seen).toEqual([expect.objectContaining({ method: 'GET', url: '/v1/calls/c-1/recording', headers: expect.objectContaining({ range: 'bytes=100-299', authorization: `Bearer ${token}` }) })]);
    expect(res.status).toBe(206);
    expect([res.headers.get('content-range'), res.headers.get('accept-ranges'), res.headers.get('content-length'), res.headers.get('content-type')]).toEqual(['bytes 100-299/1000', 'bytes', '200', 'audio/wav']);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO.subarray(100, 300));
  });

  it('lets an <audio> element play with the media cookie instead of the header, after POST /auth/media-session', async () => {
    const opened = await fetch(`${url}/auth/media-session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(opened.status).toBe(204);
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${MEDIA_COOKIE}=${token.replace(/\./g, '\\.')};`));
    expect(setCookie).toContain('Path=/api/telephony-events/v1/calls');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = setCookie.split(';')[0];

    const res = await fetch(`${url}/api/telephony-events/v1/calls/c-1/recording`, { headers: { cookie, range: 'bytes=0-9' } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(AUDIO.subarray(0, 10));
    expect(stub.seen[0].headers).toMatchObject({ authorization: `Bearer ${token}`, range: 'bytes=0-9' });

    // The cookie is no key to anything else: another read of the call, or a write, reaches the service without a token.
    const other = await fetch(`${url}/api/telephony-events/v1/calls/c-1`, { headers: { cookie } });
    const write = await fetch(`${url}/api/telephony-events/v1/calls/c-1/recording`, { method: 'POST', headers: { cookie } });
    expect([other.status, write.status]).toEqual([401, 401]);
    expect(stub.seen.slice(1).map((s) => s.headers.authorization)).toEqual([undefined, undefined]);

    // Signing out forgets it; a request for it without a token is refused by the console.
    const closed = await fetch(`${url}/auth/media-session`, { method: 'DELETE', headers: { cookie } });
    expect(closed.status).toBe(204);
    expect(closed.headers.get('set-cookie')).toMatch(new RegExp(`^${MEDIA_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
    const refused = await fetch(`${url}/auth/media-session`, { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: 'CONSOLE.MEDIA_SESSION_TOKEN_MISSING' });
  });

  it('streams the recording as the service sends it rather than waiting for the whole file', async () => {
    // The service holds back all but its first megabyte until the client has received bytes through the proxy:
    // a proxy that buffered the answer would deliver nothing, and the test would time out here.
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      get(`${url}/api/telephony-events/v1/calls/held/recording`, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject),
    );
    expect(res.statusCode).toBe(200);
    let received = 0;
    let releasedAt = -1;
    await new Promise<void>((resolve, reject) => {
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (releasedAt < 0) {
          releasedAt = received;
          stub.release();
        }
      });
      res.on('end', resolve);
      res.on('error', reject);
    });
    expect(releasedAt).toBeGreaterThan(0);
    expect(releasedAt).toBeLessThanOrEqual(1024 * 1024);
    expect(received).toBe(BIG);
  });
});
