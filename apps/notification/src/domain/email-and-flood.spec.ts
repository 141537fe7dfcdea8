import { createHmac } from 'node:crypto';
import type { AlertEvent } from '@app/contracts';
import { renderAlertEmail } from './email-template';
import { digestAlert, floodDecision, floodKey } from './flood';
import { signWebhook, verifyWebhook } from './webhook-signature';

const alert: AlertEvent = {
  alertId: 'a<1>', kind: 'call.long-hold', severity: 'critical', agentId: 'A1', title: '长时间搁置电话 / Long hold',
  body: '搁置 150 秒 / Held 150 s', occurredAt: '2026-10-05T16:30:00Z', facts: {},
};

describe('e-mail, floods and signatures', () => {
  it('renders the half of each text in the recipient language, times in the zone, HTML escaped', () => {
    const zh = renderAlertEmail(alert, 'zh-CN', 'Asia/Shanghai');
    expect(zh.subject).toBe('【紧急】长时间搁置电话');
    expect(zh.text.split('\n').slice(0, 4)).toEqual(['长时间搁置电话', '', '搁置 150 秒', '']);
    expect(zh.text).toContain('发生时间: 2026-10-06 00:30:00 GMT+8'); // the next local day
    const en = renderAlertEmail(alert, 'en', 'Asia/Shanghai');
    expect(en.subject).toBe('[Critical] Long hold');
    expect(en.html).toContain('<td>a&lt;1&gt;</td>');
  });

  it('groups non-critical alerts per kind and agent within the window', () => {
    expect(floodKey(alert, 60_000)).toBeNull(); // critical
    expect(floodKey({ ...alert, severity: 'warning' }, 60_000)).toBe('call.long-hold|A1');
    expect(floodKey({ ...alert, severity: 'warning', agentId: undefined }, 60_000)).toBeNull();
    expect(floodKey({ ...alert, severity: 'warning' }, 0)).toBeNull();
    expect(floodDecision(null, 1_000)).toBe('deliver-and-open');
    expect(floodDecision({ groupId: 'g', windowEndsAt: 2_000 }, 1_000)).toBe('hold');
    expect(floodDecision({ groupId: 'g', windowEndsAt: 2_000 }, 2_000)).toBe('flush-then-deliver-and-open');
    const d = digestAlert('g', [{ ...alert, alertId: 'x' }, { ...alert, alertId: 'y' }], 'from', 'to');
    expect(d).toMatchObject({ alertId: 'flood:g', kind: 'call.long-hold', agentId: 'A1', title: '长时间搁置电话(另有 2 条) / Long hold (2 more)', facts: { groupedCount: 2, groupedAlertIds: ['x', 'y'] } });
  });

  it('signs "t.body" with HMAC-SHA256 and verifies within the tolerance', () => {
    const header = signWebhook('s3cret-0123456789', '{"a":1}', 1_700_000_000);
    expect(header).toBe('t=1700000000,v1=' + createHmac('sha256', 's3cret-0123456789').update('1700000000.{"a":1}').digest('hex'));
    expect(verifyWebhook('s3cret-0123456789', '{"a":1}', header, 1_700_000_100, 300)).toBe(true);
    expect(verifyWebhook('s3cret-0123456789', '{"a":2}', header, 1_700_000_100, 300)).toBe(false);
    expect(verifyWebhook('s3cret-0123456789', '{"a":1}', header, 1_700_000_400, 300)).toBe(false);
  });
});
