import { join } from 'node:path';
import { freePort } from '@app/messaging/testing/nats-server';
import { root, startNode, waitReady, type NodeChild } from '../processes';

/**
 * What an import needs to reach scoring: telephony-events (the queue_log adapter, call facts), scoring, and
 * attendance, which tells scoring (and telephony-events' teams) who the agents are.
 */
export const HISTORY_SERVICES = ['telephony-events', 'attendance', 'scoring'] as const;
export type HistoryService = (typeof HISTORY_SERVICES)[number];

/** As deploy/Dockerfile runs the services (NODE_OPTIONS there). */
const HEAP_CAP = '--max-old-space-size=128';
const REGIONS = ['east', 'south', 'southwest', 'central', 'northeast', 'northwest', 'north'];
/** Agents a POST to attendance carries (its request limit is larger; bench:month sends as many). */
const AGENTS_PER_POST = 250;
const AGENTS_PER_TEAM = 20;

export interface RunningServices {
  children: Array<[HistoryService, NodeChild]>;
  url(s: HistoryService, path: string): string;
}

/**
 * Starts each built service as its own process with the heap cap; `children` is filled as they start, so
 * the caller can stop whatever did start when a later one fails.
 */
export async function startServices(env: Record<string, string>, children: Array<[HistoryService, NodeChild]>): Promise<RunningServices> {
  const ports = new Map<HistoryService, number>();
  for (const s of HISTORY_SERVICES) ports.set(s, await freePort());
  for (const s of HISTORY_SERVICES) {
    const child = startNode([HEAP_CAP, join(root, 'dist/apps', s, 'main.js')], { ...env, PORT: String(ports.get(s)) });
    children.push([s, child]);
    await waitReady(ports.get(s)!, '/health/ready', 120_000);
  }
  return { children, url: (s, path) => `http://127.0.0.1:${ports.get(s)}${path}` };
}

export async function postJson(url: string, auth: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

export async function getJson<T>(url: string, auth: string): Promise<T> {
  const res = await fetch(url, { headers: { authorization: auth } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Registers the agents the queue_log names in attendance, as HR would before an import. */
export async function registerAgents(services: RunningServices, auth: string, agentIds: string[]): Promise<void> {
  for (let i = 0; i < agentIds.length; i += AGENTS_PER_POST) {
    await postJson(services.url('attendance', '/v1/agents'), auth, agentIds.slice(i, i + AGENTS_PER_POST).map((agentId, k) => ({
      agentId, name: `坐席 ${agentId}`, team: `T${Math.floor((i + k) / AGENTS_PER_TEAM) + 1}`, region: REGIONS[(i + k) % REGIONS.length],
      role: 'agent', hireDate: '2025-01-01', supervisorId: 'S01', level: 'regular', active: true,
    })));
  }
}
