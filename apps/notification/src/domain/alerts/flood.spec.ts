import type { AlertEvent } from '@app/contracts';
import { digestAlert, floodDecision, floodKey } from './flood';

const alert: AlertEvent = {
  alertId: 'a<1>', kind: 'call.long-hold', severity: 'critical', agentId: 'A1', title: '长时间搁置电话 / Long hold',
  body: '搁置 150 秒 / Held 150 s', occurredAt: '2026-10-05T16:30:00Z', facts: {},
};

describe('floods', () => {
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
});
