import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error';
import { noteJsonEscapes, RequestTextGuard, unstorableRequestText } from './request-text.guard';

const req = (over: Partial<Request> & { headers?: Record<string, string> }) => ({ params: {}, query: {}, headers: {}, body: undefined, ...over }) as unknown as Request;
const paths = (r: Request) => unstorableRequestText(r).map((d) => d.path);

describe('unstorableRequestText', () => {
  it('names path parameters, query parameters and body fields', () => {
    expect(paths(req({ params: { id: 'a\u0000' }, query: { agentId: ['ok', '\u0000'] }, body: { note: 'x\ud800', ok: 'fine' } }))).toEqual(['id', 'agentId[1]', 'note']);
  });

  it('leaves the items of a batch to the route: a top-level array, NDJSON lines', () => {
    expect(paths(req({ body: [{ name: '\u0000' }] }))).toEqual([]);
    expect(paths(req({ body: '{"a":"\\u0000"}\n\u0000', headers: { 'content-type': 'application/x-ndjson' } }))).toEqual([]);
    expect(paths(req({ body: 'agentId,name\nA1,x\u0000', headers: { 'content-type': 'text/csv; charset=utf-8' } }))).toEqual([]);
  });

  it('names the line of a plain text body that holds NUL (CSV rows are a batch: their parser reports them)', () => {
    const found = unstorableRequestText(req({ body: 'agentId,name\nA1,ok\nA2,b\u0000d\n', headers: { 'content-type': 'text/plain' } }));
    expect(found).toEqual([{ path: 'body', message: expect.stringMatching(/^line 3: /) }]);
  });

  it('skips the walk of a UTF-8 JSON body whose bytes hold no \\u escape', () => {
    const body = { note: 'plain' };
    const r = req({ body });
    noteJsonEscapes(r, Buffer.from(JSON.stringify(body)), 'utf-8');
    (r.body as { note: string }).note = '\u0000'; // cannot happen without an escape; shows the walk is skipped
    expect(paths(r)).toEqual([]);
    const escaped = req({ body: { note: '\u0000' } });
    noteJsonEscapes(escaped, Buffer.from('{"note":"\\u0000"}'), undefined);
    expect(paths(escaped)).toEqual(['note']);
    const utf16 = req({ body: { note: '\ud800' } });
    noteJsonEscapes(utf16, Buffer.from('{}'), 'utf-16le');
    expect(paths(utf16)).toEqual(['note']);
  });
});

describe('RequestTextGuard', () => {
  const ctx = (type: string, r: Request) => ({ getType: () => type, switchToHttp: () => ({ getRequest: () => r }) }) as unknown as ExecutionContext;

  it('refuses with 400 REQUEST.INVALID_TEXT and every path; lets message handlers through', () => {
    const guard = new RequestTextGuard();
    expect(guard.canActivate(ctx('http', req({ params: { id: 'ok' } })))).toBe(true);
    expect(guard.canActivate(ctx('rpc', req({ params: { id: '\u0000' } })))).toBe(true);
    let thrown: unknown;
    try {
      guard.canActivate(ctx('http', req({ params: { id: '\u0000' }, body: { a: '\u0000' } })));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'REQUEST.INVALID_TEXT', status: 400, details: [{ path: 'id' }, { path: 'a' }] });
  });
});
