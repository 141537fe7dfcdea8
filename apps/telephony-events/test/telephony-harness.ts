import type { INestApplication } from '@nestjs/common';
import { mintToken } from '@app/auth';
import type { CallSummarizedEvent } from '@app/contracts';
import type { AgentStatsReport } from '../src/domain/reports/agent-stats';
import { createServiceApp, startServiceApp } from '@app/platform';
import { JsTestClient } from '../../../tests/support/js-client';
import { createTestEnv, TEST_JWT_SECRET, type TestEnv } from '../../../tests/support/test-env';
import { waitFor } from '../../../tests/support/wait-for';
import { telephonyService } from '../src/telephony-events.service';
import { telephonySettings } from '../src/telephony-settings';

/** A real telephony-events service on a throw-away database and a private nats-server. */
export interface TelephonyHarness {
  env: TestEnv;
  app: INestApplication;
  url: string;
  js: JsTestClient;
  token: (roles?: Parameters<typeof mintToken>[1]['roles']) => string;
  /** The last published summary of a call with at least `version`. */
  summary(callId: string, version?: number): Promise<CallSummarizedEvent>;
  close(): Promise<void>;
}

/** `recordingsDir`: the service's RECORDINGS_DIR (default `./recordings`). */
export async function startTelephony(opts: { recordingsDir?: string } = {}): Promise<TelephonyHarness> {
  const env = await createTestEnv();
  const settings = telephonySettings({ RECORDINGS_DIR: opts.recordingsDir });
  const service = await createServiceApp(telephonyService(settings), env.config('telephony-events'));
  await startServiceApp(service, 0, '127.0.0.1');
  const url = (await service.app.getUrl()).replace('[::1]', '127.0.0.1');
  const js = await JsTestClient.connect(env.nats.url);
  return {
    env,
    app: service.app,
    url,
    js,
    token: (roles = ['telephony']) => mintToken(TEST_JWT_SECRET, { sub: 'pbx', roles }),
    summary: (callId, version = 1) =>
      waitFor(async () => {
        const e = await latestSummary(js, callId);
        return e && e.version >= version ? e : null;
      }, `summary of ${callId} v${version}`),
    close: async () => {
      await service.app.close();
      await js.close();
      await env.dispose();
    },
  };
}

/** The whole in-memory report as the one page the service answers when every agent fits (agents → items). */
export function asOnePage({ agents, ...window }: AgentStatsReport): Record<string, unknown> {
  return { ...window, items: agents, nextCursor: null };
}

/** The highest version of a call's summary on the stream, as a payroll-side consumer would see it. */
export async function latestSummary(js: JsTestClient, callId: string): Promise<CallSummarizedEvent | null> {
  const all = await summariesOf(js, callId);
  return all.length ? all[all.length - 1] : null;
}

/** Every summary of a call on the stream, in version order. */
export async function summariesOf(js: JsTestClient, callId: string): Promise<CallSummarizedEvent[]> {
  const info = await js.jsm.streams.info('TELEPHONY');
  const found: CallSummarizedEvent[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && seq > 0; seq++) {
    const m = await js.jsm.streams.getMessage('TELEPHONY', { seq }).catch(() => null);
    if (m?.subject !== 'telephony.call.summarized') continue;
    const e = m.json<CallSummarizedEvent>();
    if (e.callId === callId) found.push(e);
  }
  return found.sort((a, b) => a.version - b.version);
}
