import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  it('signs "t.body" with HMAC-SHA256 and verifies within the tolerance', () => {
    const header = signWebhook('s3cret-0123456789', '{"a":1}', 1_700_000_000);
    expect(header).toBe('t=1700000000,v1=' + createHmac('sha256', 's3cret-0123456789').update('1700000000.{"a":1}').digest('hex'));
    expect(verifyWebhook('s3cret-0123456789', '{"a":1}', header, 1_700_000_100, 300)).toBe(true);
    expect(verifyWebhook('s3cret-0123456789', '{"a":2}', header, 1_700_000_100, 300)).toBe(false);
    expect(verifyWebhook('s3cret-0123456789', '{"a":1}', header, 1_700_000_400, 300)).toBe(false);
  });
});
