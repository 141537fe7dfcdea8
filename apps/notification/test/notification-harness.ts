import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { mintToken } from '@app/auth';
import { alertSubject, SUBJECTS, type AgentUpsertedEvent, type AlertEvent, type Role } from '@app/contracts';
import { createServiceApp, startServiceApp } from '@app/platform';
import { JsTestClient } from '../../../tests/support/js-client';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import type { NotificationPolicy } from '../src/domain/policy/notification-policy';
import type { HostResolver } from '../src/network/host-resolver';
import { loadNotificationSettings } from '../src/notification-settings';
import { notificationService } from '../src/notification.service';

/** A real notification service on a throw-away database and a private nats-server. */
export interface NotificationHarness {
  env: TestEnv;
  app: INestApplication;
  url: string;
  js: JsTestClient;
  token(roles: Role[], ids?: { sub?: string; agentId?: string }): string;
  /** Publishes like a producing service: `alerts.<kind>` with Nats-Msg-Id (default: the alertId). */
  publishAlert(alert: AlertEvent, msgId?: string): Promise<void>;
  upsertAgent(a: Partial<AgentUpsertedEvent> & { agentId: string }): Promise<void>;
  /** Waits until the agent copy holds the given version. */
  agentsSynced(agentIds: string[]): Promise<void>;
  setPolicy(p: Partial<NotificationPolicy>): Promise<void>;
  get(path: string, roles: Role[], ids?: { sub?: string; agentId?: string }): request.Test;
  post(path: string, body: unknown, roles: Role[], ids?: { sub?: string; agentId?: string }): request.Test;
  put(path: string, body: unknown, roles: Role[], ids?: { sub?: string; agentId?: string }): request.Test;
  close(): Promise<void>;
}

let agentVersion = 0;

export interface NotificationOptions {
  smtpUrl?: string;
  /** WEBHOOK_ALLOWED_NETWORKS; by default loopback, where every test receiver listens. */
  allowedNetworks?: string;
  /** Answers host names instead of the system resolver. */
  hostResolver?: HostResolver;
}

export async function startNotification(opts: NotificationOptions = {}): Promise<NotificationHarness> {
  const env = await createTestEnv();
  // Through the same validation as the environment of a running service.
  const settings = loadNotificationSettings({
    DATABASE_URL: env.db.url,
    NATS_URL: env.nats.url,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    SMTP_URL: opts.smtpUrl,
    MAIL_FROM: 'Scoring <alerts@callcentre.test>',
    WEBHOOK_ALLOWED_NETWORKS: opts.allowedNetworks ?? '127.0.0.0/8',
  });
  const service = await createServiceApp(notificationService(settings, { hostResolver: opts.hostResolver }), env.config('notification'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  const js = await JsTestClient.connect(env.nats.url);
  const token = (roles: Role[], ids: { sub?: string; agentId?: string } = {}) =>
    mintToken(TEST_JWT_SECRET, { sub: ids.sub ?? ids.agentId ?? `user-${roles.join('-')}`, roles, ...(ids.agentId ? { agentId: ids.agentId } : {}) });
  const h: NotificationHarness = {
    env,
    app: service.app,
    url,
    js,
    token,
    publishAlert: async (alert, msgId) => {
      await js.publish(alertSubject(alert.kind), alert, msgId ?? alert.alertId);
    },
    upsertAgent: async (a) => {
      const version = ++agentVersion;
      const event: AgentUpsertedEvent = {
        eventId: `agent-${a.agentId}-v${version}`, schemaVersion: 1, name: a.agentId, team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01',
        supervisorId: null, level: 'regular', active: true, email: null, language: 'zh-CN', version, updatedAt: new Date().toISOString(), ...a,
      };
      await js.publish(SUBJECTS.attendance.agentUpserted, event, event.eventId);
    },
    agentsSynced: async (agentIds) => {
      await waitFor(async () => {
        const rows = await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM notification.agent_copy WHERE agent_id = ANY($1)`, [agentIds]);
        return rows[0].n === agentIds.length;
      }, `agents ${agentIds.join(', ')}`);
    },
    setPolicy: async (p) => {
      await request(url).put('/v1/notification-policy').set('Authorization', `Bearer ${token(['admin'])}`).send(p).expect(200);
    },
    get: (path, roles, ids) => request(url).get(path).set('Authorization', `Bearer ${token(roles, ids)}`),
    post: (path, body, roles, ids) => request(url).post(path).set('Authorization', `Bearer ${token(roles, ids)}`).send(body as object),
    put: (path, body, roles, ids) => request(url).put(path).set('Authorization', `Bearer ${token(roles, ids)}`).send(body as object),
    close: async () => {
      await service.app.close();
      await js.close();
      await env.dispose();
    },
  };
  return h;
}

let seq = 0;
/** An alert as telephony-events raises it, with a fresh id unless given. */
export function anAlert(over: Partial<AlertEvent> = {}): AlertEvent {
  seq++;
  return {
    alertId: `test:${Date.now()}:${seq}`,
    kind: 'call.ring-limit-exceeded',
    severity: 'warning',
    agentId: 'A1001',
    title: '响铃超时 / Ring limit exceeded',
    body: '坐席 A1001 的电话响铃 4 声(18 秒)后才接起,超过 3 声上限 / Agent A1001\'s phone rang 4 times (18 s) before being answered, over the 3-ring limit',
    occurredAt: new Date().toISOString(),
    facts: { callId: `c-${seq}`, ringMs: 18_000, rings: 4 },
    ...over,
  };
}
