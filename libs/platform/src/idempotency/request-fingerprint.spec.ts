import { isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('is the same for the same body in another key order, and differs for another body, path or method', () => {
    const a = requestFingerprint('post', '/v1/conduct-records', { agentId: 'A1', code: 'HAIR', evidence: { b: 1, a: [1, { y: 2, x: 1 }] } });
    expect(requestFingerprint('POST', '/v1/conduct-records', { code: 'HAIR', evidence: { a: [1, { x: 1, y: 2 }], b: 1 }, agentId: 'A1' })).toBe(a);
    expect(requestFingerprint('POST', '/v1/conduct-records', { agentId: 'A1', code: 'HEAVY_MAKEUP', evidence: { b: 1, a: [1, { y: 2, x: 1 }] } })).not.toBe(a);
    expect(requestFingerprint('POST', '/v1/complaints', { agentId: 'A1', code: 'HAIR', evidence: { b: 1, a: [1, { y: 2, x: 1 }] } })).not.toBe(a);
    expect(requestFingerprint('POST', '/v1/x', [1, 2])).not.toBe(requestFingerprint('POST', '/v1/x', [2, 1]));
    expect(requestFingerprint('POST', '/v1/x', undefined)).toBe(requestFingerprint('POST', '/v1/x', null));
  });

  it('takes keys of 1–200 visible ASCII characters', () => {
    expect(['3f1e6c9a-0b7d-4a3e-9c1d-2f5e8a7b6c4d', 'form-42:submit-1', 'x'].map(isValidIdempotencyKey)).toEqual([true, true, true]);
    expect(['', 'a b', 'x'.repeat(201), 'ключ'].map(isValidIdempotencyKey)).toEqual([false, false, false, false]);
  });
});
