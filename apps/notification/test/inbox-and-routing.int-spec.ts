import request from 'supertest';
import { sleep, waitFor } from '../../../tests/support/wait-for';
import { scaled } from '../../../tests/support/time-scale';
import type { AlertEvent, ConductAcknowledgedEvent } from '@app/contracts';
import { encodeCursor } from '@app/platform';
import { anAlert, startNotification, type NotificationHarness } from './notification-harness';

interface Item {
  itemId: string;
  alertId: string;
  kind: string;
  audienceKind: string;
  audienceId: string;
  readAt: string | null;
  createdAt: string;
  title: string;
  facts: Record<string, unknown>;
}

describe('notification inbox, routing rules and floods (real NATS and PostgreSQL, no SMTP)', () => {
  let n: NotificationHarness;
  const A1 = { agentId: 'A1' };
  const alerts: Record<string, AlertEvent> = {};
  const inbox = async (roles: Parameters<NotificationHarness['get']>[1], ids: { sub?: string; agentId?: string }, query = '') =>
    (await n.get(`/v1/inbox${query}`, roles, ids).expect(200)).body as { items: Item[]; nextCursor: string | null; unread: number };
  const alertIdsOf = (items: Item[]) => items.map((i) => i.alertId).sort();
  const routed = (alertId: string) =>
    waitFor(async () => (await n.env.query(`SELECT 1 FROM notification.alert_received WHERE alert_id = $1`, [alertId])).length > 0, `alert ${alertId}`);

  beforeAll(async () => {
    n = await startNotification();
    await n.setPolicy({ floodWindowMs: 0 });
    await n.upsertAgent({ agentId: 'S1', role: 'supervisor', team: 'T1' });
    await n.upsertAgent({ agentId: 'S2', role: 'supervisor', team: 'T2' });
    await n.upsertAgent({ agentId: 'A1', team: 'T1', supervisorId: 'S1', email: 'a1@cc.test' });
    await n.upsertAgent({ agentId: 'A2', team: 'T1', supervisorId: 'S1' });
    await n.upsertAgent({ agentId: 'B1', team: 'T2', supervisorId: 'S2' });
    await n.agentsSynced(['S1', 'S2', 'A1', 'A2', 'B1']);
    const send = async (name: string, a: Partial<AlertEvent>) => {
      alerts[name] = anAlert(a);
      await n.publishAlert(alerts[name]);
    };
    await send('conduct', { kind: 'qa.conduct-recorded', agentId: 'A1', title: '奖罚记录待签字 / Reward/penalty record to sign', facts: { recordId: 'R-1' } });
    await send('ringB1', { kind: 'call.ring-limit-exceeded', agentId: 'B1' });
    await send('ringA1', { kind: 'call.ring-limit-exceeded', agentId: 'A1' });
    await send('queueT1', { kind: 'call.long-wait-abandoned', agentId: undefined, team: 'T1', title: '长时间等待后放弃 / Abandoned after a long wait' });
    await send('pointsLimit', { kind: 'scoring.points-limit', severity: 'critical', agentId: 'B1', title: '半年累计扣分 30, 不予留用 / 30 deduction points in the window: not retained' });
    await send('dismissal', { kind: 'scoring.dismissal-review', severity: 'critical', agentId: 'A2', title: '辞退审核 / Dismissal review' });
    await send('deadLetter', { kind: 'message.dead-lettered', severity: 'critical', agentId: undefined, title: '消息转入死信 / Message dead-lettered' });
    await send('unknown', { kind: 'foo.bar', agentId: 'A1', title: '新告警 / Something new' });
    await send('quality', { kind: 'call.poor-quality', agentId: 'B1', title: '通话质量差 / Poor call quality' });
    for (const a of Object.values(alerts)) await routed(a.alertId);
  });
  afterAll(async () => n?.close());

  it('routes by the seeded rules: each alert reaches the people rules.md names', async () => {
    const rows = await n.env.query<{ alert_id: string; audience: string }>(
      `SELECT alert_id, audience_kind || ':' || audience_id AS audience FROM notification.inbox_item ORDER BY 1, 2`,
    );
    const to = (name: string) => rows.filter((r) => r.alert_id === alerts[name].alertId).map((r) => r.audience);
    expect(to('conduct')).toEqual(['user:A1', 'user:S1']);
    expect(to('ringB1')).toEqual(['user:B1', 'user:S2']);
    expect(to('queueT1')).toEqual(['team:T1']);
    expect(to('dismissal')).toEqual(['role:hr', 'user:S1']);
    expect(to('pointsLimit')).toEqual(['role:hr', 'user:S2']); // not retained (rules.md §5): HR and the supervisor
    expect(to('deadLetter')).toEqual(['role:admin']);
    expect(to('unknown')).toEqual(['role:admin', 'user:S1']); // the default route
    expect(to('quality')).toEqual(['role:tech']);
    const received = await n.env.query<{ rule_ids: string[] }>(`SELECT rule_ids FROM notification.alert_received WHERE alert_id = $1`, [alerts.unknown.alertId]);
    expect(received[0].rule_ids).toEqual(['default-fallback']);
  });

  it('shows each caller their own inbox: an agent their own, a supervisor their team, a role its shared items', async () => {
    const a1 = await inbox(['agent'], A1);
    expect(alertIdsOf(a1.items)).toEqual([alerts.conduct.alertId, alerts.ringA1.alertId].sort());
    expect(a1.unread).toBe(2);
    expect(alertIdsOf((await inbox(['agent'], { agentId: 'B1' })).items)).toEqual([alerts.ringB1.alertId]);
    const s1 = await inbox(['supervisor'], { sub: 'S1' });
    expect(alertIdsOf(s1.items)).toEqual([alerts.conduct.alertId, alerts.ringA1.alertId, alerts.queueT1.alertId, alerts.dismissal.alertId, alerts.unknown.alertId].sort());
    // Reached personally and as A1's supervisor: their own copy, once.
    expect(s1.items.find((i) => i.alertId === alerts.conduct.alertId)).toMatchObject({ audienceKind: 'user', audienceId: 'S1' });
    expect(s1.unread).toBe(5);
    expect(alertIdsOf((await inbox(['supervisor'], { sub: 'S2' })).items)).toEqual([alerts.ringB1.alertId, alerts.pointsLimit.alertId].sort());
    expect(alertIdsOf((await inbox(['hr'], { sub: 'hr-1' })).items)).toEqual([alerts.dismissal.alertId, alerts.pointsLimit.alertId].sort());
    expect(alertIdsOf((await inbox(['admin'], { sub: 'root' })).items)).toEqual(
      [alerts.dismissal.alertId, alerts.pointsLimit.alertId, alerts.deadLetter.alertId, alerts.unknown.alertId, alerts.quality.alertId].sort(),
    );
    expect((await inbox(['payroll'], { sub: 'pay' })).items).toEqual([]);
    expect((await n.get('/v1/inbox', ['agent'], A1).set('Authorization', 'Bearer nope')).status).toBe(401);
  });

  it('marks read for the caller only, and counts unread', async () => {
    const item = (await inbox(['agent'], A1)).items.find((i) => i.alertId === alerts.ringA1.alertId)!;
    const res = await n.post(`/v1/inbox/${item.itemId}/read`, {}, ['agent'], A1);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ itemId: item.itemId, readAt: expect.any(String) });
    expect((await n.get('/v1/inbox/unread-count', ['agent'], A1).expect(200)).body).toEqual({ unread: 1 });
    expect(alertIdsOf((await inbox(['agent'], A1, '?unread=true')).items)).toEqual([alerts.conduct.alertId]);
    const b1Item = (await inbox(['agent'], { agentId: 'B1' })).items[0];
    const foreign = await n.post(`/v1/inbox/${b1Item.itemId}/read`, {}, ['agent'], A1);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toBe('NOTIFICATION.INBOX_ITEM_NOT_FOUND');
    expect((await n.get('/v1/inbox?limit=0', ['agent'], A1)).body.details).toEqual([{ path: 'limit', message: expect.any(String) }]);
    expect((await n.get('/v1/inbox?limit=1001', ['agent'], A1)).body).toMatchObject({ error: 'REQUEST.INVALID_INTEGER', details: [{ path: 'limit' }] });
    expect((await n.get(`/v1/inbox?cursor=${encodeCursor(['x', 'y'])}`, ['agent'], A1)).body).toMatchObject({ error: 'REQUEST.INVALID_CURSOR', details: [{ path: 'cursor' }] });
  });

  it("pages the inbox newest first, the unread count of all the caller's items beside every page", async () => {
    const whole = await inbox(['supervisor'], { sub: 'S1' }, '?limit=1000');
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.length).toBeGreaterThan(1);
    const walked: Item[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await inbox(['supervisor'], { sub: 'S1' }, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.unread).toBe(whole.unread);
      walked.push(...page.items);
      if (page.nextCursor === null) break;
      expect(page.items).toHaveLength(1);
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(whole.items);
    expect(walked.map((i) => i.createdAt)).toEqual(walked.map((i) => i.createdAt).sort().reverse());
  });

  it("forwards the agent's signature of a reward/penalty record to qa-evaluation, once", async () => {
    const item = (await inbox(['agent'], A1)).items.find((i) => i.alertId === alerts.conduct.alertId)!;
    const res = await n.post(`/v1/inbox/${item.itemId}/acknowledge`, {}, ['agent'], A1);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ itemId: item.itemId, recordId: 'R-1', acknowledgedAt: expect.any(String) });
    const again = await n.post(`/v1/inbox/${item.itemId}/acknowledge`, {}, ['agent'], A1);
    expect(again.body.acknowledgedAt).toBe(res.body.acknowledgedAt);
    const msg = await waitFor(() => n.js.last('NOTIFICATION', 'notification.conduct.acknowledged').catch(() => null), 'the acknowledgement event');
    expect(msg.json<ConductAcknowledgedEvent>()).toEqual({ eventId: 'conduct-ack-R-1', schemaVersion: 1, recordId: 'R-1', agentId: 'A1', acknowledgedAt: res.body.acknowledgedAt });
    expect(msg.header?.get('Nats-Msg-Id')).toBe('conduct-ack-R-1');
    await sleep(300);
    expect(await n.js.messageCount('NOTIFICATION', 'notification.conduct.acknowledged')).toBe(1);
    // Not a record to sign; not the supervisor's to sign.
    const ring = (await inbox(['agent'], A1)).items.find((i) => i.alertId === alerts.ringA1.alertId)!;
    const notConduct = await n.post(`/v1/inbox/${ring.itemId}/acknowledge`, {}, ['agent'], A1);
    expect(notConduct.status).toBe(409);
    expect(notConduct.body.error).toBe('NOTIFICATION.NOT_ACKNOWLEDGEABLE');
    expect((await n.post(`/v1/inbox/${item.itemId}/acknowledge`, {}, ['supervisor'], { sub: 'S1' })).status).toBe(403);
  });

  it('logs e-mail routes as skipped without SMTP, inbox writes as delivered', async () => {
    const log = (await n.get(`/v1/deliveries?alertId=${encodeURIComponent(alerts.conduct.alertId)}`, ['admin']).expect(200)).body.items;
    const rows = log.map((d: { channel: string; target: string; status: string; lastError: string | null }) => [d.channel, d.target, d.status, d.lastError]).sort();
    expect(rows).toEqual([
      ['email', 'a1@cc.test', 'skipped', 'SMTP_URL not configured'],
      ['email', 'no-address:S1', 'skipped', 'no e-mail address on record for S1'],
      ['inbox', 'user:A1', 'delivered', null],
      ['inbox', 'user:S1', 'delivered', null],
    ]);
    expect((await n.get('/v1/deliveries', ['agent'], A1)).status).toBe(403);
    // The whole log newest first, a page of two at a time, the same rows as in one page.
    type Logged = { deliveryId: string; createdAt: string };
    const whole = (await n.get('/v1/deliveries?limit=1000', ['admin']).expect(200)).body as { items: Logged[]; nextCursor: string | null };
    const walked: Logged[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = (await n.get(`/v1/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ''}`, ['admin']).expect(200)).body as { items: Logged[]; nextCursor: string | null };
      walked.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(walked.map((d) => d.deliveryId)).toEqual(whole.items.map((d) => d.deliveryId));
    expect(walked.length).toBeGreaterThan(4);
    expect(walked.map((d) => d.createdAt)).toEqual(walked.map((d) => d.createdAt).sort().reverse());
  });

  it('keeps routing rules: seeded defaults, create, replace, delete, and refuses rules that could never fire', async () => {
    const list = (await n.get('/v1/routing-rules', ['admin']).expect(200)).body.items;
    // A page at a time, the fallback rule last, the same rules as in one page.
    const walked: Array<{ ruleId: string; fallback: boolean }> = [];
    for (let cursor: string | null = null; ; ) {
      const page = (await n.get(`/v1/routing-rules?limit=2${cursor ? `&cursor=${cursor}` : ''}`, ['admin']).expect(200)).body as { items: typeof walked; nextCursor: string | null };
      walked.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(walked).toEqual(list);
    expect(walked[walked.length - 1]).toMatchObject({ ruleId: 'default-fallback', fallback: true });
    expect(list.map((r: { ruleId: string }) => r.ruleId)).toEqual(expect.arrayContaining(['default-conduct', 'default-exit', 'default-media-quality', 'default-dead-letter', 'default-fallback']));
    expect(list.find((r: { ruleId: string }) => r.ruleId === 'default-conduct')).toMatchObject({ roles: ['agent', 'supervisor'], channels: ['inbox', 'email'], seeded: true, fallback: false });

    const rule = { ruleId: 'qa-long-hold-t1', name: 'Long holds in T1 to QA7', match: { kinds: ['call.long-hold'], teams: ['T1'] }, recipients: [{ userId: 'QA7' }], channels: ['inbox'] };
    const created = await n.post('/v1/routing-rules', rule, ['admin']);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...rule, roles: [], webhookIds: [], fallback: false, enabled: true, seeded: false });
    await sleep(1_100); // the routing cache
    const hold = anAlert({ kind: 'call.long-hold', agentId: 'A1', team: 'T1', title: '长时间搁置电话 / Long hold' });
    await n.publishAlert(hold);
    await routed(hold.alertId);
    expect(alertIdsOf((await inbox(['qa'], { sub: 'QA7' })).items)).toEqual([hold.alertId]);

    const replaced = await n.post('/v1/routing-rules', { ...rule, enabled: false }, ['admin']);
    expect(replaced.status).toBe(200);
    expect(replaced.body.enabled).toBe(false);
    expect((await n.get('/v1/routing-rules/qa-long-hold-t1', ['admin'])).body.enabled).toBe(false);

    const bad = async (body: unknown, status: number, error: string, paths: string[]) => {
      const res = await n.post('/v1/routing-rules', body, ['admin']);
      expect([res.status, res.body.error, res.body.details.map((d: { path: string }) => d.path)]).toEqual([status, error, paths]);
    };
    await bad({ name: 'x', match: { kinds: ['nothing.at.all*'] }, roles: ['hr'] }, 422, 'NOTIFICATION.RULE_MATCHES_NOTHING', ['match.kinds[0]']);
    await bad({ name: 'x', match: { teams: ['T9'], agentIds: ['Z9'] }, roles: ['hr'] }, 422, 'NOTIFICATION.RULE_MATCHES_NOTHING', ['match.teams[0]', 'match.agentIds[0]']);
    await bad({ name: 'x', roles: ['boss'], channels: ['sms'] }, 400, 'REQUEST.VALIDATION_FAILED', ['roles[0]', 'channels[0]']);
    await bad({ name: 'x', match: { kinds: ['call.*'] } }, 400, 'REQUEST.VALIDATION_FAILED', ['roles']);
    await bad({ name: 'x', webhookIds: ['missing'] }, 422, 'NOTIFICATION.WEBHOOK_UNKNOWN', ['webhookIds[0]']);
    await bad({ name: 'x', roles: ['hr'], recipients: [{ email: 'not-an-address' }] }, 400, 'REQUEST.VALIDATION_FAILED', ['recipients[0].email']);
    expect((await n.post('/v1/routing-rules', rule, ['supervisor'])).status).toBe(403);

    expect((await request(n.url).delete('/v1/routing-rules/qa-long-hold-t1').set('Authorization', `Bearer ${n.token(['admin'])}`)).status).toBe(204);
    expect((await n.get('/v1/routing-rules/qa-long-hold-t1', ['admin'])).body.error).toBe('NOTIFICATION.RULE_NOT_FOUND');
  });

  it('keeps the highest version of an agent record', async () => {
    const base = { eventId: 'old', schemaVersion: 1, agentId: 'V1', name: 'V', team: 'T1', region: 'east', role: 'agent', hireDate: '2026-01-01', supervisorId: 'S1', level: 'regular', active: true, language: 'en', updatedAt: new Date().toISOString() };
    await n.js.publish('attendance.agent.upserted', { ...base, eventId: 'v-5', version: 5, email: 'new@cc.test' }, 'v-5');
    await n.agentsSynced(['V1']);
    await n.js.publish('attendance.agent.upserted', { ...base, eventId: 'v-3', version: 3, email: 'old@cc.test', supervisorId: 'S2' }, 'v-3');
    await waitFor(async () => (await n.env.query(`SELECT 1 FROM notification.inbox_message WHERE message_id = 'v-3'`)).length > 0, 'the old record handled');
    expect(await n.env.query(`SELECT email, supervisor_id, version, language FROM notification.agent_copy WHERE agent_id = 'V1'`)).toEqual([
      { email: 'new@cc.test', supervisor_id: 'S1', version: 5, language: 'en' },
    ]);
  });

  it('groups a flood: the first alert at once, the rest as one digest with their count; critical ones never held', async () => {
    await n.setPolicy({ floodWindowMs: scaled(3_000) }); // long enough for a loaded machine to route the flood inside it
    await n.upsertAgent({ agentId: 'F1', team: 'T1', supervisorId: 'S1' });
    await n.agentsSynced(['F1']);
    const flood = [1, 2, 3, 4, 5].map((i) => anAlert({ kind: 'call.ring-no-answer', severity: 'info', agentId: 'F1', title: '响铃未接 / Ring no answer', facts: { callId: `flood-${i}` } }));
    const critical = anAlert({ kind: 'call.ring-no-answer', severity: 'critical', agentId: 'F1', title: '响铃未接 / Ring no answer' });
    const otherAgent = anAlert({ kind: 'call.ring-no-answer', severity: 'info', agentId: 'A2', title: '响铃未接 / Ring no answer' });
    const start = Date.now();
    await n.publishAlert(flood[0]);
    await routed(flood[0].alertId);
    for (const a of [...flood.slice(1), critical, otherAgent]) await n.publishAlert(a);
    for (const a of [...flood.slice(1), critical, otherAgent]) await routed(a.alertId);
    const during = await inbox(['agent'], { agentId: 'F1' });
    expect(alertIdsOf(during.items)).toEqual([flood[0].alertId, critical.alertId].sort());
    expect(alertIdsOf((await inbox(['agent'], { agentId: 'A2' })).items)).toEqual([otherAgent.alertId]);
    const dispositions = await n.env.query<{ alert_id: string; disposition: string }>(
      `SELECT alert_id, disposition FROM notification.alert_received WHERE agent_id = 'F1' ORDER BY alert_id`,
    );
    expect(dispositions.filter((d) => d.disposition === 'grouped').map((d) => d.alert_id).sort()).toEqual(flood.slice(1).map((a) => a.alertId).sort());

    const digest = await waitFor(async () => (await inbox(['agent'], { agentId: 'F1' })).items.find((i) => i.alertId.startsWith('flood:')), 'the digest', 8_000);
    expect(Date.now() - start).toBeGreaterThanOrEqual(scaled(3_000) - 100);
    expect(digest.title).toBe('响铃未接(另有 4 条) / Ring no answer (4 more)');
    expect(digest.facts.groupedCount).toBe(4);
    expect([...(digest.facts.groupedAlertIds as string[])].sort()).toEqual(flood.slice(1).map((a) => a.alertId).sort());
    // The supervisor gets the same digest, once.
    const s1 = await inbox(['supervisor'], { sub: 'S1' });
    expect(s1.items.filter((i) => i.alertId === digest.alertId)).toHaveLength(1);
    await sleep(2_000);
    expect((await inbox(['agent'], { agentId: 'F1' })).items).toHaveLength(3);
    await n.setPolicy({ floodWindowMs: 0 });
  });
});
