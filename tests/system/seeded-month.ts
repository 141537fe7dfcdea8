import { DateTime } from 'luxon';
import type { Level } from '@app/contracts';
import { PERSONAS, untilQaKnowsTeam, type DemoApi } from '../../scripts/demo/api';
import { callEvents, type DemoCallEvent } from '../../scripts/demo/month-calls';
import { DEMO_ZONE } from '../../scripts/demo/month-plan';
import { Rng } from '../../scripts/demo/rng';

/**
 * A seeded month smaller than the demo's (six agents, ten working days) for the fault test: the
 * same seed gives the same month, so a disturbed run can be compared with an undisturbed one.
 * It reuses the demo's call generator (rings, misses, holds, quality samples, ratings).
 */
export interface SeededMonth {
  period: string;
  agents: Array<{ agentId: string; team: 'T1' | 'T2'; region: string; supervisorId: 'S01' | 'S02'; level: Level; skill: number }>;
  rosters: Array<{ agentId: string; date: string; shift: 'morning' }>;
  clockEvents: Array<{ eventId: string; agentId: string; type: 'in' | 'out'; at: string }>;
  calls: DemoCallEvent[];
  appraisals: Array<{ agentId: string; supervisorId: string; scores: Record<string, number> }>;
  records: Array<{ agentId: string; supervisorId: string; code: string; occurredAt: string }>;
  complaints: Array<{ agentId: string; supervisorId: string; receivedAt: string }>;
}

const ITEMS: Array<[string, number]> = [['initiative', 15], ['responsibility', 10], ['service-awareness', 10], ['communication-results', 15], ['learning', 10], ['team-spirit', 10]];
const LEVELS: Level[] = ['regular', 'one-star', 'trainee', 'regular', 'two-star', 'regular'];
const REGIONS = ['east', 'south', 'north'];
const CODES = ['DESK_UNTIDY', 'PRAISE_LETTER', 'GAMES_WEBSITES', 'HAIR'];

export function planSeededMonth(period: string, seed: number): SeededMonth {
  const rng = new Rng(seed);
  const agents = LEVELS.map((level, i) => ({
    agentId: `F${101 + i}`, team: (i < 3 ? 'T1' : 'T2') as 'T1' | 'T2', region: REGIONS[i % 3], supervisorId: (i < 3 ? 'S01' : 'S02') as 'S01' | 'S02', level,
    skill: 0.4 + rng.next() * 0.6,
  }));
  const first = DateTime.fromISO(`${period}-01`, { zone: DEMO_ZONE });
  const month: SeededMonth = { period, agents, rosters: [], clockEvents: [], calls: [], appraisals: [], records: [], complaints: [] };
  let callNo = 0;
  for (let d = 2; d <= 11; d++) {
    const date = first.set({ day: d });
    const iso = date.toISODate()!;
    const here: string[] = [];
    for (const a of agents) {
      month.rosters.push({ agentId: a.agentId, date: iso, shift: 'morning' });
      if (rng.chance(0.03)) continue; // absent
      here.push(a.agentId);
      const late = rng.chance(0.06) ? rng.int(10, 40) : 0;
      const inAt = late ? date.set({ hour: 8, minute: late }) : date.set({ hour: 7, minute: rng.int(45, 58) });
      month.clockEvents.push({ eventId: `flt-clk-${a.agentId}-${iso}-in`, agentId: a.agentId, type: 'in', at: inAt.toISO()! });
      month.clockEvents.push({ eventId: `flt-clk-${a.agentId}-${iso}-out`, agentId: a.agentId, type: 'out', at: date.set({ hour: 15, minute: rng.int(31, 45) }).toISO()! });
    }
    here.forEach((agentId, i) => {
      const skill = agents.find((a) => a.agentId === agentId)!.skill;
      for (let k = rng.int(3, 6); k > 0; k--) {
        const missedBy = rng.chance(0.08) && here.length > 1 ? [here[(i + 1) % here.length]] : [];
        const start = date.set({ hour: 9 }).plus({ minutes: rng.int(0, 360), seconds: rng.int(0, 59) });
        month.calls.push(...callEvents(rng, { callId: `flt-${period}-${++callNo}`, start, queue: 'service', agents: [...missedBy, agentId], skill }));
      }
    });
  }
  for (const a of agents) {
    month.appraisals.push({ agentId: a.agentId, supervisorId: a.supervisorId, scores: Object.fromEntries(ITEMS.map(([id, max]) => [id, Math.max(1, Math.round(max * (0.55 + a.skill * 0.45)) - rng.int(0, 2))])) });
  }
  for (let r = 0; r < 4; r++) {
    const a = rng.pick(agents);
    month.records.push({ agentId: a.agentId, supervisorId: a.supervisorId, code: rng.pick(CODES), occurredAt: first.set({ day: rng.int(2, 11), hour: 11 }).toISO()! });
  }
  const c = rng.pick(agents);
  month.complaints.push({ agentId: c.agentId, supervisorId: c.supervisorId, receivedAt: first.set({ day: 9, hour: 16 }).toISO()! });
  return month;
}

/** Not idempotent on retry (each POST creates a record): filed before the faults begin. */
export async function fileRecords(api: DemoApi, m: SeededMonth): Promise<void> {
  await api.post('attendance', '/v1/agents', PERSONAS.hr, m.agents.map((a) => ({
    agentId: a.agentId, name: `坐席 ${a.agentId}`, team: a.team, region: a.region, role: 'agent', hireDate: '2025-01-01', supervisorId: a.supervisorId, level: a.level, active: true,
  })));
  // Supervisors act on their own teams only: wait until qa's copy of the directory has each one's people.
  for (const a of m.agents) await untilQaKnowsTeam(api, PERSONAS.supervisor(a.supervisorId), a.agentId);
  for (const r of m.records) {
    const rec = await api.post<{ recordId: string }>('qa', '/v1/conduct-records', PERSONAS.supervisor(r.supervisorId), { agentId: r.agentId, code: r.code, occurredAt: r.occurredAt, note: '故障测试 / fault test' });
    await api.post('qa', `/v1/conduct-records/${rec.recordId}/acknowledge`, PERSONAS.agent(r.agentId));
  }
  for (const c of m.complaints) {
    const reg = await api.post<{ complaintId: string }>('qa', '/v1/complaints', PERSONAS.supervisor(c.supervisorId), { receivedAt: c.receivedAt, channel: 'phone', summary: '投诉 / complaint', agentId: c.agentId });
    await api.post('qa', `/v1/complaints/${reg.complaintId}/judgement`, PERSONAS.supervisor(c.supervisorId), { valid: true, agentId: c.agentId, category: 'attitude', reason: '核实 / confirmed' });
  }
}

/** The month's idempotent ingest as small steps (a retried step changes nothing): rosters, clock events, calls, appraisals, day close. */
export function ingestSteps(api: DemoApi, m: SeededMonth): Array<() => Promise<unknown>> {
  const steps: Array<() => Promise<unknown>> = [() => api.post('attendance', '/v1/rosters', PERSONAS.hr, m.rosters)];
  for (let i = 0; i < m.clockEvents.length; i += 20) {
    const batch = m.clockEvents.slice(i, i + 20);
    steps.push(() => api.post('attendance', '/v1/clock-events', PERSONAS.clock, batch));
  }
  for (let i = 0; i < m.calls.length; i += 100) {
    const batch = m.calls.slice(i, i + 100);
    steps.push(() => api.post('telephony', '/v1/call-events', PERSONAS.telephony, batch));
  }
  for (const a of m.appraisals) {
    steps.push(() => api.post('qa', '/v1/appraisals', PERSONAS.supervisor(a.supervisorId), { agentId: a.agentId, period: m.period, scores: a.scores }));
  }
  steps.push(() => api.post('attendance', '/v1/attendance/days/close', PERSONAS.hr, {}));
  return steps;
}
