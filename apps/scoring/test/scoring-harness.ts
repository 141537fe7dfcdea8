import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { mintToken } from '@app/auth';
import type { Role, ScoreEvent } from '@app/contracts';
import { createServiceApp, startServiceApp } from '@app/platform';
import { JsTestClient } from '../../../tests/support/js-client';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { scoringService } from '../src/scoring.service';

/** Tests drive the close day with their own clock: the auto-close worker stays off. */
const SCORING = scoringService({ autoClose: false });

/** A real scoring service on a throw-away database and a private nats-server. */
export interface ScoringHarness {
  env: TestEnv;
  app: INestApplication;
  url: string;
  js: JsTestClient;
  /** Publishes facts like their producers do (Nats-Msg-Id = eventId unless given) and waits until consumed. */
  feed(...facts: Array<{ subject: string; payload: { eventId: string }; msgId?: string }>): Promise<void>;
  get(path: string, roles?: Role[], agentId?: string): request.Test;
  post(path: string, body?: unknown, roles?: Role[]): request.Test;
  /** Every message on a subject of a stream, in order. */
  messages<T>(stream: string, subject: string): Promise<T[]>;
  scoreEvents(subject?: string): Promise<ScoreEvent[]>;
  close(): Promise<void>;
}

export async function startScoring(): Promise<ScoringHarness> {
  const env = await createTestEnv();
  const service = await createServiceApp(SCORING, env.config('scoring'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  const js = await JsTestClient.connect(env.nats.url);
  // Supervisors read their own teams only: the default supervisor is S01, whom facts.ts's agents report to.
  const token = (roles: Role[], agentId?: string) => mintToken(TEST_JWT_SECRET, { sub: agentId ?? (roles.includes('supervisor') ? 'S01' : 'tester'), roles, agentId });
  const messages = async <T>(stream: string, subject: string): Promise<T[]> => {
    const info = await js.jsm.streams.info(stream);
    const found: T[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
      const m = await js.jsm.streams.getMessage(stream, { seq }).catch(() => null);
      if (m?.subject === subject) found.push(m.json<T>());
    }
    return found;
  };
  const seen = new Set<string>();
  return {
    env,
    app: service.app,
    url,
    js,
    feed: async (...facts) => {
      for (const f of facts) {
        const id = f.msgId ?? f.payload.eventId;
        await js.publish(f.subject, f.payload, id);
        seen.add(id);
      }
      // Each distinct message id ends in the inbox once consumed (the stream drops a re-published id).
      await waitFor(async () => (await env.query<{ n: number }>(`SELECT count(*)::int AS n FROM scoring.inbox_message`))[0].n >= seen.size, 'facts consumed');
    },
    get: (path, roles = ['supervisor'], agentId) => request(url).get(path).set('Authorization', `Bearer ${token(roles, agentId)}`),
    post: (path, body, roles = ['supervisor']) => request(url).post(path).set('Authorization', `Bearer ${token(roles)}`).send((body ?? {}) as object),
    messages,
    scoreEvents: async (subject = 'scoring.score.finalized') => messages<ScoreEvent>('SCORING', subject),
    close: async () => {
      await service.app.close();
      await js.close();
      await env.dispose();
    },
  };
}

/** Another instance of the service on the same database and NATS (they share the durable consumers). */
export async function startSecondInstance(t: ScoringHarness): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const service = await createServiceApp(SCORING, t.env.config('scoring'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, token: mintToken(TEST_JWT_SECRET, { sub: 'S01', roles: ['supervisor'] }), close: () => service.app.close() };
}
