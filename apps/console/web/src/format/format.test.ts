import { recentPeriods } from '../app/nav';
import { formatDuration, formatScore, formatYuan, periodOf, previousPeriod } from './format';
import { localDate, nextDate, percent } from './today';
import { payrollTable, toCsv } from '../payroll/payroll-table';
import { normalise } from '../components/form-values';
import { decodeJwtPayload, restoreSession, sessionFromToken } from '../auth/session';
import { apiUrl, createApiClient } from '../api/client';
import { ApiError, toApiError } from '../api/api-error';

describe('money and scores', () => {
  it('shows yuan with two decimals through integer fen', () => {
    expect(formatYuan(1500, 'en')).toBe('¥1,500.00');
    expect(formatYuan(0.1 + 0.2, 'zh')).toBe('¥0.30');
    expect(formatYuan(-20, 'en')).toBe('-¥20.00');
  });
  it('shows scores with at most two decimals', () => {
    expect(formatScore(91.5)).toBe('91.5');
    expect(formatScore(88.125)).toBe('88.13');
    expect(formatScore(null)).toBe('—');
  });
  it('shows durations as m:ss', () => {
    expect(formatDuration(15_000)).toBe('0:15');
    expect(formatDuration(125_400)).toBe('2:05');
  });
});

describe('months and days in China Standard Time', () => {
  it('puts 16:30 UTC on the last day of a month in the next month', () => {
    expect(periodOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11');
    expect(periodOf(new Date('2026-10-31T15:59:00Z'))).toBe('2026-10');
    expect(localDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
  it('steps back over a year end and lists recent months newest first', () => {
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(recentPeriods('2027-02', 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
    expect(nextDate('2026-02-28')).toBe('2026-03-01');
    expect(percent(0.8765)).toBe('87.7%');
    expect(percent(null)).toBe('—');
  });
});

describe('payroll export', () => {
  const cards = [
    { period: '2026-10', agentId: 'A1002', revision: 1, policyVersion: 'default-1', totalScore: 72, grade: 'pass', levelBefore: 'regular', levelAfter: 'regular', pay: { currency: 'CNY', total: 1600, lines: [{ code: 'BASE', amount: 1100 }, { code: 'APPRAISAL_PAY', amount: 400 }, { code: 'FULL_ATTENDANCE', amount: 100 }] } },
    { period: '2026-10', agentId: 'A1001', revision: 2, policyVersion: 'default-1', totalScore: 91.5, grade: 'excellent', levelBefore: 'regular', levelAfter: 'one-star', pay: { currency: 'CNY', total: 1500, lines: [{ code: 'BASE', amount: 1100 }, { code: 'APPRAISAL_PAY', amount: 400 }] } },
  ];
  it('has one column per pay-line code and one row per agent, sorted', () => {
    const t = payrollTable(cards);
    expect(t.columns).toEqual(['period', 'agentId', 'revision', 'policyVersion', 'totalScore', 'grade', 'levelBefore', 'levelAfter', 'pay.BASE', 'pay.APPRAISAL_PAY', 'pay.FULL_ATTENDANCE', 'pay.total', 'currency']);
    expect(t.rows.map((r) => r[1])).toEqual(['A1001', 'A1002']);
    expect(t.rows[0].slice(8)).toEqual([1100, 400, null, 1500, 'CNY']);
  });
  it('writes CSV with a BOM, money to two decimals, empty cells for missing lines', () => {
    const csv = toCsv(payrollTable(cards));
    expect(csv.startsWith('\uFEFFperiod,agentId')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe('2026-10,A1001,2,default-1,91.5,excellent,regular,one-star,1100.00,400.00,,1500.00,CNY');
    expect(toCsv({ columns: ['note'], rows: [['a, "b"']] })).toBe('\uFEFFnote\r\n"a, ""b"""\r\n');
  });
});

describe('form values', () => {
  it('sends instants, parsed JSON and lists, and leaves out empty optional fields', () => {
    const out = normalise(
      [{ name: 'at', type: 'datetime' }, { name: 'doc', type: 'json' }, { name: 'kinds', type: 'list' }, { name: 'note' }],
      { at: '2026-10-05T09:15', doc: '{"a":1}', kinds: 'x, y,,', note: '' },
    );
    expect(out).toEqual({ at: new Date('2026-10-05T09:15').toISOString(), doc: { a: 1 }, kinds: ['x', 'y'] });
    expect(() => normalise([{ name: 'doc', type: 'json' }], { doc: '{' })).toThrow();
  });
});

describe('session', () => {
  const b64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const token = (claims: object) => `h.${b64url(JSON.stringify(claims))}.s`;
  it('reads who and until when from the token', () => {
    const s = sessionFromToken(token({ sub: 'A1001', roles: ['agent', 'robot'], agentId: 'A1001', exp: 2_000_000_000 }), '李娜');
    expect(s?.user).toEqual({ sub: 'A1001', name: '李娜', roles: ['agent'], agentId: 'A1001' });
    expect(decodeJwtPayload(token({ sub: '张伟' }))?.sub).toBe('张伟');
    expect(sessionFromToken('garbage')).toBeNull();
  });
  it('forgets an expired or damaged stored session', () => {
    const s = sessionFromToken(token({ sub: 'S01', roles: ['supervisor'], exp: 100 }));
    expect(restoreSession(JSON.stringify(s), 99_000)).not.toBeNull();
    expect(restoreSession(JSON.stringify(s), 100_000)).toBeNull();
    expect(restoreSession('{', 0)).toBeNull();
  });
});

describe('api client', () => {
  it('builds proxy URLs without empty query values', () => {
    expect(apiUrl('scoring', '/v1/scorecards', { period: '2026-10', team: '', x: undefined })).toBe('/api/scoring/v1/scorecards?period=2026-10');
  });

  it('sends the token, and turns an error body into an ApiError with field errors', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fake = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ error: 'ATTENDANCE.SWAP_LIMIT_REACHED', message: 'At most 3 swaps / 每月最多 3 次', details: [{ path: 'body.requesterId', message: 'limit' }] }), { status: 409 });
    }) as typeof fetch;
    let signedOut = false;
    const api = createApiClient(() => 'tok', () => (signedOut = true), fake);
    const err = await api.request('attendance', '/v1/shift-swaps', { body: { a: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('ATTENDANCE.SWAP_LIMIT_REACHED');
    expect((err as ApiError).fieldErrors()).toEqual({ requesterId: 'limit' });
    expect(calls[0][0]).toBe('/api/attendance/v1/shift-swaps');
    expect((calls[0][1]?.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(calls[0][1]?.method).toBe('POST');
    expect(signedOut).toBe(false);
  });

  it('sends a form submission\'s Idempotency-Key, and none when there is none', async () => {
    const headers: Array<Record<string, string>> = [];
    const fake = (async (_url: string, init?: RequestInit) => {
      headers.push(init?.headers as Record<string, string>);
      return new Response('{}', { status: 201 });
    }) as typeof fetch;
    const api = createApiClient(() => 'tok', () => undefined, fake);
    await api.request('qa-evaluation', '/v1/conduct-records', { body: { a: 1 }, idempotencyKey: 'submit-1' });
    await api.request('qa-evaluation', '/v1/conduct-records', { body: { a: 1 } });
    expect(headers.map((h) => h['idempotency-key'])).toEqual(['submit-1', undefined]);
  });

  it('signs out on 401', async () => {
    let signedOut = false;
    const api = createApiClient(() => 'old', () => (signedOut = true), (async () => new Response('{}', { status: 401 })) as typeof fetch);
    await api.request('scoring', '/v1/x').catch(() => undefined);
    expect(signedOut).toBe(true);
  });

  it('reads an error without a body', () => {
    expect(toApiError(502, null)).toMatchObject({ code: 'HTTP.502', status: 502 });
  });
});
