import type { AlertEvent } from '@app/contracts';
import { renderAlertEmail } from './email-template';

const alert: AlertEvent = {
  alertId: 'a<1>', kind: 'call.long-hold', severity: 'critical', agentId: 'A1', title: '长时间搁置电话 / Long hold',
  body: '搁置 150 秒 / Held 150 s', occurredAt: '2026-10-05T16:30:00Z', facts: {},
};

describe('e-mail', () => {
  it('renders the half of each text in the recipient language, times in the zone, HTML escaped', () => {
    const zh = renderAlertEmail(alert, 'zh-CN', 'Asia/Shanghai');
    expect(zh.subject).toBe('【紧急】长时间搁置电话');
    expect(zh.text.split('\n').slice(0, 4)).toEqual(['长时间搁置电话', '', '搁置 150 秒', '']);
    expect(zh.text).toContain('发生时间: 2026-10-06 00:30:00 GMT+8'); // the next local day
    const en = renderAlertEmail(alert, 'en', 'Asia/Shanghai');
    expect(en.subject).toBe('[Critical] Long hold');
    expect(en.html).toContain('<td>a&lt;1&gt;</td>');
  });
});
