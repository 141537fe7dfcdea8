import { waitFor } from '../../../tests/support/wait-for';
import { anAlert, startNotification, type NotificationHarness } from './notification-harness';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

describe('notification e-mail through a real SMTP server on loopback', () => {
  let n: NotificationHarness;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    n = await startNotification({ smtpUrl: smtp.url });
    await n.setPolicy({ floodWindowMs: 0, backoffBaseMs: 100 });
    await n.upsertAgent({ agentId: 'S01', name: 'Sam Lee', role: 'supervisor', team: 'T1', email: 's01@cc.test', language: 'en' });
    await n.upsertAgent({ agentId: 'A1001', name: '李娜', team: 'T1', supervisorId: 'S01', email: 'a1001@cc.test', language: 'zh-CN' });
    await n.agentsSynced(['S01', 'A1001']);
  });
  afterAll(async () => {
    await n?.close();
    await smtp?.close();
  });

  it('mails a conduct record to the agent in Chinese and to the supervisor in English, text and HTML', async () => {
    const alert = anAlert({
      kind: 'qa.conduct-recorded',
      severity: 'warning',
      title: '奖罚记录待签字 / Reward/penalty record to sign',
      body: '罚款 20 元:响铃三声未接起 / Penalty 20 yuan: phone rang three times unanswered',
      occurredAt: '2026-10-05T01:15:02.000Z',
      facts: { recordId: 'R-77', code: 'RING_3', amount: 20 },
    });
    await n.publishAlert(alert);
    await waitFor(async () => smtp.mails.length >= 2, 'two e-mails');
    const zh = smtp.mails.find((m) => m.to.includes('a1001@cc.test'))!;
    const en = smtp.mails.find((m) => m.to.includes('s01@cc.test'))!;
    expect(zh.to).toEqual(['a1001@cc.test']);
    expect(en.to).toEqual(['s01@cc.test']);
    expect(zh.from).toBe('alerts@callcentre.test');
    expect(zh.subject).toBe('【警告】奖罚记录待签字');
    expect(en.subject).toBe('[Warning] Reward/penalty record to sign');
    expect(zh.text).toContain('罚款 20 元:响铃三声未接起');
    expect(zh.text).not.toContain('Penalty 20 yuan');
    expect(zh.text).toContain('发生时间: 2026-10-05 09:15:02 GMT+8'); // the policy zone, Asia/Shanghai
    expect(zh.text).toContain('坐席: A1001');
    expect(en.text).toContain('Penalty 20 yuan: phone rang three times unanswered');
    expect(en.text).not.toContain('罚款');
    expect(en.text).toContain('Occurred: 2026-10-05 09:15:02 GMT+8');
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('<h2>【警告】奖罚记录待签字</h2>');
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('<p>Penalty 20 yuan: phone rang three times unanswered</p>');
    expect(zh.raw).toContain(`X-Alert-ID: ${alert.alertId}`);

    // The mails are in; the rows are settled right after.
    const log = await waitFor(async () => {
      const rows = (await n.get(`/v1/deliveries?alertId=${encodeURIComponent(alert.alertId)}`, ['supervisor']).expect(200)).body.items;
      return rows.every((d: { status: string }) => d.status === 'delivered') ? rows : null;
    }, 'settled deliveries');
    const emails = log.filter((d: { channel: string }) => d.channel === 'email');
    expect(emails.map((d: { target: string; status: string; recipient: { language: string } }) => [d.target, d.status, d.recipient.language]).sort()).toEqual([
      ['a1001@cc.test', 'delivered', 'zh-CN'],
      ['s01@cc.test', 'delivered', 'en'],
    ]);
    for (const d of emails) expect(d.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'delivered', statusCode: 250 })]);
    expect(log.filter((d: { channel: string }) => d.channel === 'inbox').map((d: { target: string }) => d.target).sort()).toEqual(['user:A1001', 'user:S01']);
  });

  it('sends nothing twice: the same alert again adds no e-mail', async () => {
    const alert = anAlert({ kind: 'qa.conduct-recorded', title: '奖罚记录待签字 / Reward/penalty record to sign', facts: { recordId: 'R-78' } });
    await n.publishAlert(alert, 'copy-1');
    await waitFor(async () => smtp.mails.filter((m) => m.text.includes(alert.alertId)).length >= 2, 'the e-mails');
    await n.publishAlert(alert, 'copy-2');
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.mails.filter((m) => m.text.includes(alert.alertId))).toHaveLength(2);
  });
});
