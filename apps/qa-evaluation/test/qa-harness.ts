import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { mintToken } from '@app/auth';
import type { AgentUpsertedEvent, Role } from '@app/contracts';
import { createServiceApp, startServiceApp } from '@app/platform';
import { JsTestClient } from '../../../tests/support/js-client';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { QA_SERVICE } from '../src/qa-evaluation.service';
import { AgentDirectory } from '../src/store/agent-directory';
import { agentUpserted } from './fixtures';

export interface Who {
  sub: string;
  roles: Role[];
  agentId?: string;
}

export const QA1: Who = { sub: 'Q01', roles: ['qa'] };
export const SUP: Who = { sub: 'S01', roles: ['supervisor'] };
export const HR: Who = { sub: 'H01', roles: ['hr'] };
export const MANAGER: Who = { sub: 'M01', roles: ['manager'] };
export const ADMIN: Who = { sub: 'admin', roles: ['admin'] };
export const agent = (agentId: string): Who => ({ sub: agentId, roles: ['agent'], agentId });

/** Team T1 as the tests use it: agents reporting to S01 (SUP), and Q01 (QA1) its QA inspector. */
export const TEAM_T1 = (...agentIds: string[]): AgentUpsertedEvent[] => [
  ...agentIds.map((a) => agentUpserted(a, { eventId: `t1-${a}` })),
  agentUpserted('Q01', { eventId: 't1-Q01', role: 'qa', supervisorId: null }),
];

/** A real qa-evaluation service on a throw-away database and a private nats-server. */
export interface QaHarness {
  env: TestEnv;
  app: INestApplication;
  url: string;
  js: JsTestClient;
  post(path: string, who: Who, body?: unknown): request.Test;
  put(path: string, who: Who, body?: unknown): request.Test;
  get(path: string, who: Who): request.Test;
  /**
   * People as attendance publishes them (`attendance.agent.upserted`), once qa's copy holds them: supervisors and QA
   * inspectors act on their own teams only, so a test's agents must be in the directory first.
   */
  directory(people: AgentUpsertedEvent[]): Promise<void>;
  /** Payloads published on a subject (in stream order) once at least `count` are there. */
  published<T>(subject: string, count?: number): Promise<T[]>;
  close(): Promise<void>;
}

export async function startQa(): Promise<QaHarness> {
  const env = await createTestEnv();
  const service = await createServiceApp(QA_SERVICE, env.config('qa-evaluation'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  const js = await JsTestClient.connect(env.nats.url);
  const token = (w: Who) => `Bearer ${mintToken(TEST_JWT_SECRET, w)}`;
  return {
    env,
    app: service.app,
    url,
    js,
    post: (path, who, body = {}) => request(url).post(path).set('Authorization', token(who)).send(body as object),
    put: (path, who, body = {}) => request(url).put(path).set('Authorization', token(who)).send(body as object),
    get: (path, who) => request(url).get(path).set('Authorization', token(who)),
    directory: async (people) => {
      for (const p of people) await js.publish('attendance.agent.upserted', p, p.eventId);
      const copy = service.app.get(AgentDirectory);
      await waitFor(async () => {
        for (const p of people) {
          const held = await copy.get(p.agentId);
          if (!held || held.team !== p.team || held.supervisorId !== p.supervisorId || held.role !== p.role || held.active !== p.active) return null;
        }
        return true;
      }, `${people.length} people in qa's directory`);
    },
    published: <T>(subject: string, count = 1) =>
      waitFor(async () => {
        const found = await onStream<T>(js, subject);
        return found.length >= count ? found : null;
      }, `${count} message(s) on ${subject}`),
    close: async () => {
      await service.app.close();
      await js.close();
      await env.dispose();
    },
  };
}

async function onStream<T>(js: JsTestClient, subject: string): Promise<T[]> {
  const stream = subject.startsWith('alerts.') ? 'ALERTS' : subject.split('.')[0].toUpperCase();
  const info = await js.jsm.streams.info(stream).catch(() => null);
  if (!info) return [];
  const out: T[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
    const m = await js.jsm.streams.getMessage(stream, { seq }).catch(() => null);
    if (m?.subject === subject) out.push(m.json<T>());
  }
  return out;
}
