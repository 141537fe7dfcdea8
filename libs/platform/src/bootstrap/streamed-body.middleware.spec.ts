import type { Request, Response } from 'express';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { bodyStreamOf, BodyTooLargeError } from '../http/streamed-body';
import { byteSize } from './byte-size';
import { streamedBodyMiddleware } from './streamed-body.middleware';

function request(headers: Record<string, string>, pieces: Buffer[]): { req: Request; res: Response & { headers: Record<string, string> } } {
  const stream = new PassThrough();
  for (const p of pieces) stream.write(p);
  stream.end();
  const req = Object.assign(stream, { headers, method: 'POST', url: '/up' }) as unknown as Request;
  const headersSet: Record<string, string> = {};
  const res = { headersSent: false, headers: headersSet, setHeader: (k: string, v: string) => (headersSet[k] = v) } as unknown as Response & { headers: Record<string, string> };
  return { req, res };
}

async function read(req: Request): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of bodyStreamOf(req)!.chunks) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

describe('streamedBodyMiddleware', () => {
  const limit = 10;
  const middleware = streamedBodyMiddleware(() => true, limit);

  it('hands the route its bytes with the media type and charset, inflating gzip', async () => {
    const { req, res } = request({ 'content-type': 'Text/Plain; Charset="UTF-8"', 'content-encoding': 'gzip' }, [gzipSync('abc\ndef')]);
    let passed: unknown = 'not called';
    middleware(req, res, (err?: unknown) => (passed = err));
    expect(passed).toBeUndefined();
    expect(bodyStreamOf(req)).toMatchObject({ mediaType: 'text/plain', charset: 'utf-8' });
    expect(await read(req)).toBe('abc\ndef');
  });

  it('refuses a declared length past the limit before reading, and a chunked body once it passes it', async () => {
    const declared = request({ 'content-length': String(limit + 1) }, []);
    let refused: unknown;
    middleware(declared.req, declared.res, (err?: unknown) => (refused = err));
    expect(refused).toBeInstanceOf(BodyTooLargeError);

    const chunked = request({}, [Buffer.from('123456'), Buffer.from('789012')]);
    middleware(chunked.req, chunked.res, () => undefined);
    await expect(read(chunked.req)).rejects.toMatchObject({ type: 'entity.too.large', status: 413 });
    expect(chunked.res.headers).toEqual({ Connection: 'close' });
  });

  it('refuses an encoding it cannot inflate, and leaves other routes to the body parsers', () => {
    const { req, res } = request({ 'content-encoding': 'compress' }, []);
    let refused: { getStatus(): number } | undefined;
    middleware(req, res, (err?: unknown) => (refused = err as typeof refused));
    expect(refused?.getStatus()).toBe(415);
    const other = request({}, []);
    streamedBodyMiddleware(() => false, limit)(other.req, other.res, () => undefined);
    expect(bodyStreamOf(other.req)).toBeUndefined();
  });
});

describe('byteSize', () => {
  it('reads sizes as body-parser writes them', () => {
    expect([byteSize('512kb'), byteSize('32mb'), byteSize('1GB'), byteSize(7), byteSize('100')]).toEqual([524_288, 33_554_432, 1_073_741_824, 7, 100]);
    expect(() => byteSize('lots')).toThrow('"lots" is not a size');
  });
});
