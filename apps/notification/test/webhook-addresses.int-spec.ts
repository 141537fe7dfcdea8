import { isIP } from 'node:net';
import { waitFor } from '../../../tests/support/wait-for';
import { HostResolver, SystemHostResolver, type ResolvedAddress } from '../src/network/host-resolver';
import { anAlert, startNotification, type NotificationHarness } from './notification-harness';
import { startReceiver, type Receiver } from './receivers';

/**
 * Answers host names from a table the test sets, without any DNS traffic; `localhost` from the
 * hosts file. A name not in the table does not resolve.
 */
class TableResolver extends HostResolver {
  readonly answers = new Map<string, string[]>();
  readonly asked: string[] = [];

  async resolve(host: string): Promise<ResolvedAddress[]> {
    this.asked.push(host);
    if (host === 'localhost') return new SystemHostResolver().resolve(host);
    const found = this.answers.get(host);
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: isIP(address) as 4 | 6 }));
  }
}

const SECRET = 'whsec-0123456789abcdef';
const FORBIDDEN = 'NOTIFICATION.WEBHOOK_ADDRESS_FORBIDDEN';
// Public addresses below are only ever answers of the table: nothing connects to them.
const PUBLIC = '93.184.215.14';

describe('notification webhooks may not reach internal addresses (WEBHOOK_ALLOWED_NETWORKS=127.0.0.2/32)', () => {
  let n: NotificationHarness;
  const resolver = new TableResolver();
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    resolver.answers.set('hooks.example.test', [PUBLIC]);
    resolver.answers.set('db.example.test', [PUBLIC]);
    resolver.answers.set('internal.example.test', ['10.1.2.3']);
    resolver.answers.set('metadata.example.test', ['169.254.169.254']);
    resolver.answers.set('mixed.example.test', [PUBLIC, '192.168.0.7']);
    resolver.answers.set('v6.example.test', ['2606:4700::6810:84e5', 'fd00::5']);
    n = await startNotification({ allowedNetworks: '127.0.0.2/32', hostResolver: resolver });
    await n.setPolicy({ floodWindowMs: 0, backoffBaseMs: 100, backoffMaxMs: 200 });
  });
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await n?.close();
  });

  it.each<[string, RegExp]>([
    ['http://127.0.0.1:8080/hook', /^127\.0\.0\.1 is a loopback address/],
    ['http://localhost:8080/hook', /^localhost resolves to (127\.0\.0\.1|::1) is a loopback address/], // the hosts file
    ['http://[::1]:8080/hook', /^::1 is a loopback address/],
    ['http://[::ffff:127.0.0.1]/hook', /^::ffff:7f00:1 is a loopback address/],
    ['http://169.254.169.254/latest/meta-data/', /^169\.254\.169\.254 is a link-local address/],
    ['http://10.0.0.1/hook', /^10\.0\.0\.1 is a private address/],
    ['http://192.168.1.20/hook', /private address/],
    ['http://100.64.0.1/hook', /shared address/],
    ['http://[fd00::1]/hook', /private address/],
    ['http://[fe80::1]/hook', /link-local address/],
    ['http://224.0.0.1/hook', /multicast address/],
    ['http://0.0.0.0:8080/hook', /unspecified address/],
    ['http://255.255.255.255/hook', /broadcast address/],
    ['http://240.0.0.1/hook', /reserved address/],
    ['http://2130706433/hook', /written as a\.b\.c\.d \(it reads as 127\.0\.0\.1\)/],
    ['http://127.1/hook', /written as a\.b\.c\.d \(it reads as 127\.0\.0\.1\)/],
    ['http://0x7f.0.0.1/hook', /written as a\.b\.c\.d/],
    ['http://0177.0.0.1/hook', /written as a\.b\.c\.d/],
    ['http://user:pass@db.example.test:5432/', /^credentials in the URL are not allowed$/],
    ['http://internal.example.test/hook', /^internal\.example\.test resolves to 10\.1\.2\.3 is a private address/],
    ['http://metadata.example.test/hook', /resolves to 169\.254\.169\.254 is a link-local address/],
    ['http://mixed.example.test/hook', /resolves to 192\.168\.0\.7 is a private address/], // every address counts
    ['https://v6.example.test/hook', /resolves to fd00::5 is a private address/],
    ['http://nowhere.example.test/hook', /^nowhere\.example\.test does not resolve \(ENOTFOUND\)/],
  ])('refuses %s with 422, the code and the field', async (url, why) => {
    const res = await n.post('/v1/webhooks', { url, secret: SECRET, kinds: ['call.*'] }, ['admin']);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ error: FORBIDDEN, message: expect.stringMatching(/internal.* \/ .*内部/), details: [{ path: 'url', message: expect.stringMatching(why) }] });
  });

  it('decides spelling and credentials before asking DNS', () => {
    expect(resolver.asked).not.toContain('db.example.test');
  });

  it('refuses an internal address on update too, and takes a public one', async () => {
    const made = await n.post('/v1/webhooks', { webhookId: 'public', url: 'https://hooks.example.test/in', secret: SECRET, kinds: ['call.*'], enabled: false }, ['admin']);
    expect(made.status).toBe(201);
    const put = await n.put('/v1/webhooks/public', { url: 'http://localhost:9/x', secret: SECRET, kinds: ['call.*'], enabled: false }, ['admin']);
    expect(put.status).toBe(422);
    expect(put.body).toMatchObject({ error: FORBIDDEN, details: [{ path: 'url' }] });
    expect((await n.get('/v1/webhooks/public', ['admin']).expect(200)).body.url).toBe('https://hooks.example.test/in');
  });

  it('reaches a name resolving into the allowed network: resolved again at connect time and delivered', async () => {
    const allowedHost = await startReceiver(() => 200, '127.0.0.2');
    receivers.push(allowedHost);
    resolver.answers.set('allowed.example.test', ['127.0.0.2']);
    const url = `http://allowed.example.test:${new URL(allowedHost.url).port}/hook`;
    expect((await n.post('/v1/webhooks', { webhookId: 'allowed', url, secret: SECRET, kinds: ['call.long-wait-abandoned'] }, ['admin'])).status).toBe(201);
    await new Promise((r) => setTimeout(r, 1_100)); // the routing cache sees the endpoint
    const asked = resolver.asked.filter((h) => h === 'allowed.example.test').length;
    const alert = anAlert({ kind: 'call.long-wait-abandoned', agentId: undefined, title: '长时间等待后放弃 / Abandoned after a long wait' });
    await n.publishAlert(alert);
    await waitFor(async () => allowedHost.received.length === 1, 'the delivery');
    expect(allowedHost.received[0].headers.host).toBe(`allowed.example.test:${new URL(allowedHost.url).port}`);
    expect(resolver.asked.filter((h) => h === 'allowed.example.test').length).toBeGreaterThan(asked); // looked up again to connect
  });

  it('refuses at connect time a name that pointed outside at registration and inside now (DNS rebinding): failed with the code, no socket opened', async () => {
    const inside = await startReceiver(() => 200);
    receivers.push(inside);
    const port = new URL(inside.url).port;
    resolver.answers.set('rebind.example.test', [PUBLIC]);
    const made = await n.post('/v1/webhooks', { webhookId: 'rebind', url: `http://rebind.example.test:${port}/hook`, secret: SECRET, kinds: ['call.long-hold'] }, ['admin']);
    expect(made.status).toBe(201);
    resolver.answers.set('rebind.example.test', ['127.0.0.1']); // re-pointed after the check, before any send
    await new Promise((r) => setTimeout(r, 1_100)); // the routing cache sees the endpoint
    const alert = anAlert({ kind: 'call.long-hold', title: '长时间搁置电话 / Long hold' });
    await n.publishAlert(alert);
    const d = await waitFor(async () => {
      const rows = (await n.get(`/v1/deliveries?alertId=${encodeURIComponent(alert.alertId)}&webhookId=rebind`, ['admin']).expect(200)).body.items;
      return rows[0]?.status === 'failed' ? rows[0] : null;
    }, 'the refused delivery');
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, lastError: `${FORBIDDEN}: rebind.example.test resolves to 127.0.0.1 is a loopback address, outside WEBHOOK_ALLOWED_NETWORKS` });
    expect(d.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: 'failed', statusCode: null, latencyMs: null, error: d.lastError })]);
    expect(inside.connections).toBe(0);
    expect((await n.get('/v1/webhooks/rebind', ['admin']).expect(200)).body.circuit).toEqual({ consecutiveFailures: 0, openUntil: null });
  });

  it('refuses at send time a literal internal address stored before the rule (no socket opened)', async () => {
    const inside = await startReceiver(() => 200);
    receivers.push(inside);
    await n.env.query(`INSERT INTO notification.webhook (webhook_id, url, secret, kinds, enabled) VALUES ('legacy', $1, $2, '{call.poor-quality}', true)`, [inside.url, SECRET]);
    await new Promise((r) => setTimeout(r, 1_100)); // the routing cache sees the endpoint
    const alert = anAlert({ kind: 'call.poor-quality', title: '通话质量差 / Poor call quality' });
    await n.publishAlert(alert);
    const d = await waitFor(async () => {
      const rows = (await n.get(`/v1/deliveries?alertId=${encodeURIComponent(alert.alertId)}&webhookId=legacy`, ['admin']).expect(200)).body.items;
      return rows[0]?.status === 'failed' ? rows[0] : null;
    }, 'the refused delivery');
    expect(d.attempts).toBe(1);
    expect(d.lastError).toBe(`${FORBIDDEN}: 127.0.0.1 is a loopback address, outside WEBHOOK_ALLOWED_NETWORKS`);
    expect(d.attemptLog).toEqual([expect.objectContaining({ outcome: 'failed', latencyMs: null })]);
    expect(inside.connections).toBe(0);
  });
});
