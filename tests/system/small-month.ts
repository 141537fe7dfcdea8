import { DateTime } from 'luxon';
import type { Level } from '@app/contracts';
import { PERSONAS, untilQaKnowsTeam, type DemoApi } from '../../scripts/demo/api';
import type { DemoCallEvent } from '../../scripts/demo/month-calls';
import { DEMO_ZONE } from '../../scripts/demo/month-plan';

/**
 * A small hand-made month, every figure of which the system test works out by hand: ten agents,
 * three calls each with chosen ratings, two rostered days each (one late arrival), an agent away
 * for three months, reward/penalty/point records, valid complaints and chosen appraisals.
 */
export type Rating = 'excellent' | 'good' | 'fair' | 'poor';

export interface SmallAgent {
  agentId: string;
  team: 'T1' | 'T2';
  region: string;
  supervisorId: 'S01' | 'S02';
  level: Level;
  /** attitude: initiative/15, responsibility/10, service-awareness/10; capability: communication-results/15, learning/10, team-spirit/10. */
  appraisal: [number, number, number, number, number, number];
  ratings: Rating[];
  /** Minutes late on the first rostered day (0: on time). */
  lateMinutes?: number;
  /** Rostered every day of the three months ending with this one and never clocks in. */
  awayAllQuarter?: boolean;
  validComplaints?: number;
  /** The category each valid complaint is judged with (default `attitude`): only knowledge / process cost a knowledge point. */
  complaintCategories?: string[];
  records?: Array<{ code: string; day: number }>;
}

const APPRAISAL_ITEMS = ['initiative', 'responsibility', 'service-awareness', 'communication-results', 'learning', 'team-spirit'];

export const SMALL_AGENTS: SmallAgent[] = [
  { agentId: 'A1', team: 'T1', region: 'east', supervisorId: 'S01', level: 'regular', appraisal: [15, 10, 10, 15, 10, 10], ratings: ['excellent', 'good', 'excellent'], records: [{ code: 'DESK_UNTIDY', day: 10 }] },
  { agentId: 'A2', team: 'T1', region: 'south', supervisorId: 'S01', level: 'trainee', appraisal: [12, 9, 9, 12, 9, 9], ratings: ['excellent', 'good', 'fair'] },
  { agentId: 'A3', team: 'T1', region: 'north', supervisorId: 'S01', level: 'one-star', appraisal: [14, 10, 10, 13, 10, 10], ratings: ['good', 'good', 'excellent'] },
  { agentId: 'A4', team: 'T2', region: 'east', supervisorId: 'S02', level: 'regular', appraisal: [10, 8, 7, 10, 8, 7], ratings: ['fair', 'poor', 'good'], lateMinutes: 38, records: [{ code: 'GAMES_WEBSITES', day: 12 }, { code: 'GAMES_WEBSITES', day: 20 }] },
  { agentId: 'A5', team: 'T2', region: 'south', supervisorId: 'S02', level: 'one-star', appraisal: [10, 7, 7, 10, 7, 7], ratings: ['good', 'good', 'good'] },
  { agentId: 'A6', team: 'T2', region: 'north', supervisorId: 'S02', level: 'two-star', appraisal: [12, 9, 8, 12, 9, 9], ratings: ['excellent', 'excellent', 'good'] },
  { agentId: 'A7', team: 'T1', region: 'central', supervisorId: 'S01', level: 'one-star', appraisal: [8, 6, 6, 7, 6, 6], ratings: ['good', 'excellent', 'good'] },
  { agentId: 'A8', team: 'T1', region: 'northeast', supervisorId: 'S01', level: 'regular', appraisal: [12, 9, 9, 12, 9, 9], ratings: ['excellent', 'excellent', 'excellent'], validComplaints: 2, complaintCategories: ['attitude', 'knowledge'] },
  { agentId: 'A9', team: 'T2', region: 'central', supervisorId: 'S02', level: 'one-star', appraisal: [0, 10, 10, 15, 10, 10], ratings: ['good', 'excellent', 'good'] },
  { agentId: 'A10', team: 'T2', region: 'northeast', supervisorId: 'S02', level: 'regular', appraisal: [10, 8, 7, 10, 8, 7], ratings: [], awayAllQuarter: true },
  { agentId: 'A11', team: 'T1', region: 'southwest', supervisorId: 'S01', level: 'one-star', appraisal: [12, 9, 9, 12, 9, 9], ratings: ['good', 'good', 'good'], validComplaints: 2 },
  // Issue 16: ties A1 at 99 but was not warm on the phone (a service-category points record): barred from the awards.
  { agentId: 'A12', team: 'T1', region: 'east', supervisorId: 'S01', level: 'regular', appraisal: [15, 10, 10, 15, 10, 10], ratings: ['good', 'good', 'excellent'], records: [{ code: 'NOT_WARM', day: 11 }] },
  // Leaked customer data: the month's pay is forfeited and the dismissal alert raised.
  { agentId: 'A13', team: 'T2', region: 'south', supervisorId: 'S02', level: 'regular', appraisal: [10, 8, 7, 10, 8, 7], ratings: ['good', 'good', 'good'], records: [{ code: 'LEAK_SECRETS', day: 13 }] },
];

/** The supervisors, scored on their own card from the department head's appraisal (issue 16). */
export const SMALL_SUPERVISORS = [
  { agentId: 'S01', team: 'T1' as const, region: 'east', appraisal: [13, 9, 9, 14, 9, 9] as SmallAgent['appraisal'] },
  { agentId: 'S02', team: 'T2' as const, region: 'south', appraisal: [12, 8, 8, 12, 8, 8] as SmallAgent['appraisal'] },
];

/** The month before the current one in the policy zone: past, so it may be closed, and recent, so nothing is too old. */
export function lastMonth(now = DateTime.now()): string {
  return now.setZone(DEMO_ZONE).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}

const local = (period: string, day: number, time: string) => DateTime.fromISO(`${period}-${String(day).padStart(2, '0')}T${time}`, { zone: DEMO_ZONE });
const WORK_DAYS = [5, 6];

/** Three answered calls per agent on day 8: rung 5 s (inside three rings), 60 s of talk, wrap-up, a quality sample, the caller's rating. */
export function smallMonthCalls(period: string, agents = SMALL_AGENTS): DemoCallEvent[] {
  const events: DemoCallEvent[] = [];
  agents.forEach((a, ai) =>
    a.ratings.forEach((rating, k) => {
      const callId = `sys-${period}-${a.agentId}-${k + 1}`;
      const t = local(period, 8, '10:00').plus({ minutes: ai * 10 + k * 3 });
      let n = 0;
      const add = (type: string, at: DateTime, data: Record<string, unknown> = {}, agentId?: string) =>
        events.push({ eventId: `${callId}-${++n}`, callId, type, occurredAt: at.toISO()!, agentId, queue: 'service', direction: 'inbound', data });
      add('call.queued', t, { callerId: '13800000000' });
      add('call.offered', t.plus({ seconds: 2 }), {}, a.agentId);
      add('call.answered', t.plus({ seconds: 7 }), { ringMs: 5_000 }, a.agentId);
      add('call.quality', t.plus({ seconds: 60 }), { mos: 4.2, jitterMs: 5, packetLossPct: 0.1 }, a.agentId);
      add('call.ended', t.plus({ seconds: 67 }), { endedBy: 'caller' }, a.agentId);
      add('call.wrapup.ended', t.plus({ seconds: 87 }), {}, a.agentId);
      add('call.rated', t.plus({ seconds: 90 }), { rating }, a.agentId);
    }),
  );
  return events;
}

type Said = ['agent' | 'customer', number, number, string];
const transcript = (callId: string, said: Said[]) => ({ callId, segments: said.map(([speaker, startS, endS, text]) => ({ speaker, startMs: startS * 1000, endMs: endS * 1000, text })) });

/**
 * Issue 19: transcripts of three of the month's calls (60 s of talk each), with known speech-QA hits on the default
 * speech policy: A2's first call by the script (2 of 2 script checks); A2's second without the opening, one forbidden
 * phrase (这不是我负责) and a caller who will complain (投诉); A5's first without the closing, two forbidden phrases
 * (不知道, 这不是我负责) and a dissatisfied caller (不满意).
 */
export function smallMonthTranscripts(period: string) {
  const id = (agentId: string, k: number) => `sys-${period}-${agentId}-${k}`;
  return [
    transcript(id('A2', 1), [
      ['agent', 0, 4, '您好，很高兴为您服务！'], ['customer', 5, 12, '我想查一下我的订单到哪里了。'], ['agent', 13, 21, '好的，请您稍等，我帮您查询一下。'],
      ['agent', 22, 30, '您的订单已经发出，预计明天送达。'], ['customer', 31, 38, '好的，明白了，谢谢。'], ['agent', 40, 47, '谢谢您的来电，请您对我的服务进行评价！'],
      ['agent', 48, 50, '再见。'], ['customer', 51, 53, '再见。'],
    ]),
    transcript(id('A2', 2), [
      ['agent', 0, 3, '喂，请讲。'], ['customer', 4, 12, '我的快递一直没到，我要投诉。'], ['agent', 13, 20, '这不是我负责的，您找快递公司吧。'],
      ['customer', 21, 30, '那请您帮我登记一下好吗？'], ['agent', 31, 39, '好的，我帮您登记，请您稍等。'], ['agent', 41, 48, '谢谢您的来电，请您对我的服务进行评价！'],
      ['agent', 49, 51, '再见。'], ['customer', 52, 54, '再见。'],
    ]),
    transcript(id('A5', 1), [
      ['agent', 0, 4, '您好，很高兴为您服务！'], ['customer', 5, 12, '你们的服务我很不满意。'], ['agent', 13, 20, '这个我不知道，您问别的部门吧。'],
      ['customer', 21, 29, '那退款到底找谁？'], ['agent', 30, 38, '这不是我负责的，您打售后电话吧。'], ['customer', 39, 45, '算了。'], ['agent', 46, 48, '再见。'],
    ]),
  ];
}

/** Pushes the month through the public APIs as HR, the badge clock, the PBX, supervisors and QA would. */
export async function driveSmallMonth(api: DemoApi, period: string, agents = SMALL_AGENTS): Promise<Map<string, string>> {
  const hireDate = DateTime.fromISO(`${period}-01`).minus({ months: 12 }).toISODate();
  await api.post('attendance', '/v1/agents', PERSONAS.hr, [
    ...agents.map((a) => ({
      agentId: a.agentId, name: `坐席 ${a.agentId}`, team: a.team, region: a.region, role: 'agent', hireDate, supervisorId: a.supervisorId, level: a.level, active: true,
    })),
    ...SMALL_SUPERVISORS.map((s) => ({ agentId: s.agentId, name: `主管 ${s.agentId}`, team: s.team, region: s.region, role: 'supervisor', hireDate, supervisorId: null, active: true })),
  ]);

  const rosters: Array<{ agentId: string; date: string; shift: string }> = [];
  const clocks: Array<{ eventId: string; agentId: string; type: 'in' | 'out'; at: string }> = [];
  for (const a of agents) {
    if (a.awayAllQuarter) {
      const from = DateTime.fromISO(`${period}-01`, { zone: DEMO_ZONE }).minus({ months: 2 });
      const to = from.plus({ months: 3 });
      for (let d = from; d < to; d = d.plus({ days: 1 })) rosters.push({ agentId: a.agentId, date: d.toISODate()!, shift: 'morning' });
      continue;
    }
    WORK_DAYS.forEach((day, i) => {
      rosters.push({ agentId: a.agentId, date: local(period, day, '00:00').toISODate()!, shift: 'morning' });
      const inAt = i === 0 && a.lateMinutes ? local(period, day, '08:00').plus({ minutes: a.lateMinutes }) : local(period, day, '07:55');
      clocks.push({ eventId: `sys-clk-${a.agentId}-${day}-in`, agentId: a.agentId, type: 'in', at: inAt.toISO()! });
      clocks.push({ eventId: `sys-clk-${a.agentId}-${day}-out`, agentId: a.agentId, type: 'out', at: local(period, day, '15:35').toISO()! });
    });
  }
  await api.post('attendance', '/v1/rosters', PERSONAS.hr, rosters);
  await api.post('attendance', '/v1/clock-events', PERSONAS.clock, clocks);
  await api.post('telephony', '/v1/call-events', PERSONAS.telephony, smallMonthCalls(period, agents));
  // The recogniser's transcripts of three calls (issue 19): qa checks each once its call is known there.
  await api.post('qa', '/v1/transcripts', PERSONAS.telephony, smallMonthTranscripts(period).filter((t) => agents.some((a) => t.callId.includes(`-${a.agentId}-`))));
  // Supervisors act on their own teams only: wait until qa's copy of the directory has each one's people.
  for (const a of agents) await untilQaKnowsTeam(api, PERSONAS.supervisor(a.supervisorId), a.agentId);

  const recordIds = new Map<string, string>();
  for (const a of agents) {
    for (const r of a.records ?? []) {
      const rec = await api.post<{ recordId: string }>('qa', '/v1/conduct-records', PERSONAS.supervisor(a.supervisorId), {
        agentId: a.agentId, code: r.code, occurredAt: local(period, r.day, '10:30').toISO(), note: `系统测试 / system test ${r.code}`,
      });
      await api.post('qa', `/v1/conduct-records/${rec.recordId}/acknowledge`, PERSONAS.agent(a.agentId));
      recordIds.set(`${a.agentId}:${r.code}:${r.day}`, rec.recordId);
    }
    for (let c = 0; c < (a.validComplaints ?? 0); c++) {
      const reg = await api.post<{ complaintId: string }>('qa', '/v1/complaints', PERSONAS.supervisor(a.supervisorId), {
        receivedAt: local(period, 15 + c, '16:00').toISO(), channel: 'phone', summary: `客户投诉 ${c + 1} / complaint ${c + 1}`, agentId: a.agentId,
      });
      await api.post('qa', `/v1/complaints/${reg.complaintId}/judgement`, PERSONAS.supervisor(a.supervisorId), {
        valid: true, agentId: a.agentId, category: a.complaintCategories?.[c] ?? 'attitude', reason: '录音核实 / confirmed on the recording',
      });
    }
    const scores = Object.fromEntries(APPRAISAL_ITEMS.map((item, i) => [item, a.appraisal[i]]));
    await api.post('qa', '/v1/appraisals', PERSONAS.supervisor(a.supervisorId), { agentId: a.agentId, period, scores });
  }
  for (const s of SMALL_SUPERVISORS) {
    const scores = Object.fromEntries(APPRAISAL_ITEMS.map((item, i) => [item, s.appraisal[i]]));
    await api.post('qa', '/v1/appraisals', PERSONAS.manager, { agentId: s.agentId, period, scores });
  }
  await api.post('attendance', '/v1/attendance/days/close', PERSONAS.hr, {});
  return recordIds;
}

/**
 * qa-evaluation takes a month's appraisals only until its final due day of the next month (the 10th
 * by default): the test stands after that, so HR's policy moves the final due day past today.
 */
export async function openAppraisalWindow(api: DemoApi, now = DateTime.now()): Promise<void> {
  const today = now.setZone(DEMO_ZONE).day;
  await api.request('qa', 'PUT', '/v1/policy', PERSONAS.admin, { policyVersion: 'system-test-1', qa: { appraisal: { finalDueDay: Math.max(10, today + 1) } } });
}
