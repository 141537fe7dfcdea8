import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { mintToken } from '@app/auth';
import type { Role } from '@app/contracts';
import { createServiceApp, startServiceApp } from '@app/platform';
import { JsTestClient } from '../../../tests/support/js-client';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { attendanceService } from '../src/attendance.service';

/** A real attendance service on a throw-away database and a private nats-server; days close on demand. */
export interface AttendanceHarness {
  env: TestEnv;
  app: INestApplication;
  url: string;
  js: JsTestClient;
  token(roles?: Role[], agentId?: string): string;
  post(path: string, body: unknown, roles?: Role[], agentId?: string): request.Test;
  get(path: string, roles?: Role[], agentId?: string): request.Test;
  /** Every message on `subject` whose payload matches `where`, in stream order, once at least `count` are there. */
  published<T>(subject: string, where: (p: T) => boolean, count?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** By default days close only through the endpoint, at moments a test chooses; `closeEveryMs` starts the worker. */
export async function startAttendance(opts: { closeEveryMs?: number } = {}): Promise<AttendanceHarness> {
  const env = await createTestEnv();
  const service = await createServiceApp(attendanceService({ closeEveryMs: opts.closeEveryMs ?? 0 }), env.config('attendance'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  const js = await JsTestClient.connect(env.nats.url);
  // A supervisor's token is S01's, the supervisor `agent()` records name: supervisors act on their own teams only.
  const token = (roles: Role[] = ['hr'], agentId?: string) =>
    mintToken(TEST_JWT_SECRET, { sub: agentId ?? (roles.includes('supervisor') ? SUPERVISOR : `u-${roles.join('-')}`), roles, agentId });
  return {
    env,
    app: service.app,
    url,
    js,
    token,
    post: (path, body, roles, agentId) => {
      const r = request(url).post(path).set('Authorization', `Bearer ${token(roles, agentId)}`);
      return typeof body === 'string' ? r.send(body) : r.send(body as object);
    },
    get: (path, roles, agentId) => request(url).get(path).set('Authorization', `Bearer ${token(roles, agentId)}`),
    published: <T>(subject: string, where: (p: T) => boolean, count = 1) =>
      waitFor(async () => {
        const found = (await messagesOf<T>(js, subject)).filter(where);
        return found.length >= count ? found : null;
      }, `${count} × ${subject}`),
    close: async () => {
      await service.app.close();
      await js.close();
      await env.dispose();
    },
  };
}

export async function messagesOf<T>(js: JsTestClient, subject: string): Promise<T[]> {
  const info = await js.jsm.streams.info('ATTENDANCE');
  const found: T[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
    const m = await js.jsm.streams.getMessage('ATTENDANCE', { seq }).catch(() => null);
    if (m?.subject === subject) found.push(m.json<T>());
  }
  return found;
}

/** The supervisor of every `agent()` record unless a test says otherwise, and the `sub` of supervisor tokens. */
export const SUPERVISOR = 'S01';

/** An agent record as HR posts it. */
export function agent(agentId: string, over: Record<string, unknown> = {}) {
  return { agentId, name: `坐席 ${agentId}`, team: 'T1', region: 'east', role: 'agent', hireDate: '2026-03-01', supervisorId: SUPERVISOR, level: 'regular', active: true, ...over };
}
