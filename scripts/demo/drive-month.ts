import { DateTime } from 'luxon';
import { PERSONAS, untilQaKnowsTeam, type DemoApi } from './api';
import { QA_INSPECTORS } from './demo-centre';
import type { DemoMonth } from './month-plan';
import { DEMO_ZONE } from './month-plan';
import type { Rng } from './rng';
import { driveTranscripts } from './transcripts';

type Log = (line: string) => void;

/** Pushes the month's facts through the public APIs, in the order the real systems would produce them. */
export async function driveMonth(api: DemoApi, m: DemoMonth, rng: Rng, log: Log): Promise<void> {
  await driveAttendance(api, m, log);
  await driveCalls(api, m, log);
  // Issue 19: the recogniser's transcripts, after their calls (qa checks a transcript once its call is known).
  await driveTranscripts(api, m, log);
  await driveQa(api, m, rng, log);
  await driveRecords(api, m, log);
  await closeAttendanceDays(api, log);
}

export async function driveAttendance(api: DemoApi, m: DemoMonth, log: Log): Promise<void> {
  const hireDate = DateTime.fromISO(`${m.period}-01`, { zone: DEMO_ZONE }).minus({ months: 6 }).toISODate();
  await api.post('attendance', '/v1/agents', PERSONAS.hr, [
    ...m.agents.map((a) => ({
      agentId: a.agentId, name: a.name, team: a.team, region: a.region, role: 'agent', hireDate,
      supervisorId: a.supervisorId, level: a.level, active: true,
    })),
    ...QA_INSPECTORS.map((q) => ({ agentId: q.id, name: q.name, team: q.team, region: q.region, role: 'qa', hireDate, supervisorId: null, active: true })),
  ]);
  log(`attendance: ${m.agents.length} agents, ${QA_INSPECTORS.length} QA inspectors`);
  await api.post('attendance', '/v1/rosters', PERSONAS.hr, m.rosters);
  log(`attendance: ${m.rosters.length} roster days`);
  for (const l of m.leave) {
    const req = await api.post<{ leaveId: string }>('attendance', '/v1/leave', PERSONAS.agent(l.agentId), l);
    const supervisor = m.agents.find((a) => a.agentId === l.agentId)!.supervisorId;
    await api.post('attendance', `/v1/leave/${req.leaveId}/decision`, PERSONAS.supervisor(supervisor), { approve: true });
  }
  const swap = await api.post<{ swapId: string }>('attendance', '/v1/shift-swaps', PERSONAS.agent(m.swap.requesterId), m.swap);
  await api.post('attendance', `/v1/shift-swaps/${swap.swapId}/consent`, PERSONAS.agent(m.swap.counterpartId), {});
  await api.post('attendance', `/v1/shift-swaps/${swap.swapId}/decision`, PERSONAS.supervisor('S01'), { approve: true });
  log(`attendance: ${m.leave.length} leave approved, swap ${swap.swapId} approved`);
  for (let i = 0; i < m.clockEvents.length; i += 2_000) {
    await api.post('attendance', '/v1/clock-events', PERSONAS.clock, m.clockEvents.slice(i, i + 2_000));
  }
  log(`attendance: ${m.clockEvents.length} clock events`);
}

export async function driveCalls(api: DemoApi, m: DemoMonth, log: Log): Promise<void> {
  let accepted = 0;
  for (let i = 0; i < m.calls.length; i += 5_000) {
    const r = await api.post<{ accepted: number; duplicates: number }>('telephony', '/v1/call-events', PERSONAS.telephony, m.calls.slice(i, i + 5_000));
    accepted += r.accepted + r.duplicates;
  }
  log(`telephony: ${accepted} call events (${new Set(m.calls.map((c) => c.callId)).size} calls)`);
}

interface FormItem { itemId: string; type: 'yesno' | 'scale' | 'points'; maxPoints: number; minPoints?: number; naAllowed: boolean; critical?: string }
interface FormVersion { formId: string; version: number; status: string; sections: Array<{ sectionId: string; items: FormItem[] }> }

/** The newest published version of a seeded form (GET /v1/forms lists every version). */
async function publishedForm(api: DemoApi, formId: string): Promise<FormVersion> {
  const all = await api.all<FormVersion>('qa', '/v1/forms', PERSONAS.qa);
  const found = all.filter((f) => f.formId === formId && f.status === 'published').sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`form ${formId} has no published version`);
  return found;
}

const itemsOf = (f: FormVersion) => f.sections.flatMap((s) => s.items);

export async function driveQa(api: DemoApi, m: DemoMonth, rng: Rng, log: Log): Promise<void> {
  const callQa = await publishedForm(api, 'call-qa');
  const inspectorOf = (team: string) => PERSONAS.qaInspector(QA_INSPECTORS.find((q) => q.team === team)!.id);
  for (const q of QA_INSPECTORS) await untilQaKnowsTeam(api, PERSONAS.qaInspector(q.id), m.agents.find((a) => a.team === q.team)!.agentId);
  const answeredBy = new Map<string, string[]>();
  for (const e of m.calls) if (e.type === 'call.answered') answeredBy.set(e.agentId!, [...(answeredBy.get(e.agentId!) ?? []), e.callId]);
  let evaluations = 0;
  for (const a of m.agents) {
    const calls = answeredBy.get(a.agentId) ?? [];
    for (let k = 0; k < 4 && calls.length; k++) {
      const callId = calls[Math.floor((k + 0.5) * (calls.length / 4))];
      const answers = itemsOf(callQa).map((item) => {
        // A critical item answered "no" fails the evaluation: the demo's agents pass them.
        if (item.critical) return { itemId: item.itemId, value: true };
        if (item.type === 'yesno') return { itemId: item.itemId, value: rng.chance(a.profile === 'struggling' ? 0.7 : 0.95) };
        const max = item.maxPoints;
        return { itemId: item.itemId, value: Math.max(0, max - (rng.chance(a.profile === 'star' ? 0.1 : 0.4) ? rng.int(1, Math.max(1, Math.ceil(max / 3))) : 0)) };
      });
      const ev = await api.post<{ evaluationId: string }>('qa', '/v1/evaluations', inspectorOf(a.team), { callId, agentId: a.agentId, formId: callQa.formId, formVersion: callQa.version, answers });
      await api.post('qa', `/v1/evaluations/${ev.evaluationId}/release`, inspectorOf(a.team));
      evaluations++;
    }
  }
  log(`qa: ${evaluations} call evaluations released`);

  const appraisal = await publishedForm(api, 'monthly-appraisal');
  for (const a of m.agents) {
    const scores: Record<string, number> = {};
    for (const item of itemsOf(appraisal)) {
      const max = item.maxPoints;
      const share = a.profile === 'star' ? 0.95 : a.profile === 'struggling' ? 0.6 : 0.82;
      scores[item.itemId] = Math.min(max, Math.round(max * share) + rng.int(-1, 1));
    }
    await api.post('qa', '/v1/appraisals', PERSONAS.supervisor(a.supervisorId), { agentId: a.agentId, period: m.period, scores });
  }
  // The department head appraises the QA inspectors (they are scored on the supervisor card).
  for (const q of QA_INSPECTORS) {
    const scores = Object.fromEntries(itemsOf(appraisal).map((item) => [item.itemId, Math.min(item.maxPoints, Math.round(item.maxPoints * 0.85))]));
    await api.post('qa', '/v1/appraisals', PERSONAS.manager, { agentId: q.id, period: m.period, scores });
  }
  log(`qa: ${m.agents.length} monthly appraisals, ${QA_INSPECTORS.length} by the department head`);
}

/** Reward/penalty records as supervisors file them on the floor; one is appealed and upheld by HR. */
export async function driveRecords(api: DemoApi, m: DemoMonth, log: Log): Promise<void> {
  const at = (day: number, hour = 10) => DateTime.fromISO(`${m.period}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:30`, { zone: DEMO_ZONE }).toISO()!;
  const plan = [
    { agentId: 'A2001', code: 'PRAISE_LETTER', day: 6, note: '客户来信表扬 / letter of praise from a customer' },
    { agentId: 'A2006', code: 'ORDER_ERROR_FOUND', day: 9, note: '发现官网价格错误 / found a price error on the website' },
    { agentId: 'A2007', code: 'GAMES_WEBSITES', day: 14, note: '上班时间浏览购物网站 / shopping site during the shift' },
    { agentId: 'A2007', code: 'GAMES_WEBSITES', day: 21, note: '再次浏览无关网站 / unrelated website again' },
    { agentId: 'A2009', code: 'DESK_UNTIDY', day: 11, note: '桌面杂乱 / desk not tidied' },
    { agentId: 'A2013', code: 'MEETING_FAULT', day: 15, note: '班前会迟到 / late for the pre-shift meeting' },
    { agentId: 'A2016', code: 'MONTHLY_TEST_TOP3', day: 28, note: '月度测试第二名 / second in the monthly test' },
    { agentId: 'A2018', code: 'HAIR', day: 17, note: '发型不合规 / hair not to the standard' },
  ];
  const supervisorOf = (id: string) => m.agents.find((a) => a.agentId === id)!.supervisorId;
  for (const r of plan) {
    const rec = await api.post<{ recordId: string }>('qa', '/v1/conduct-records', PERSONAS.supervisor(supervisorOf(r.agentId)), { agentId: r.agentId, code: r.code, occurredAt: at(r.day), note: r.note });
    await api.post('qa', `/v1/conduct-records/${rec.recordId}/acknowledge`, PERSONAS.agent(r.agentId));
    if (r.agentId === 'A2018') {
      await api.post('qa', `/v1/conduct-records/${rec.recordId}/appeal`, PERSONAS.agent(r.agentId), { reason: '当天经主管批准的临时发型 / a style the supervisor had approved that day' });
      await api.post('qa', `/v1/conduct-records/${rec.recordId}/appeal/decision`, PERSONAS.hr, { upheld: true, reason: '有批准记录 / approval on file' });
    }
  }
  log(`qa: ${plan.length} reward/penalty records, A2018's appeal upheld (−10 to issuer S02)`);
  const complaints = [
    { agentId: 'A2010', valid: true, category: 'attitude', summary: '客户投诉服务态度 / caller complained about the tone', day: 19 },
    { agentId: 'A2012', valid: false, category: 'other', summary: '客户不满退款政策 / caller disliked the refund policy', day: 23 },
  ];
  for (const c of complaints) {
    const reg = await api.post<{ complaintId: string }>('qa', '/v1/complaints', PERSONAS.supervisor(supervisorOf(c.agentId)), { receivedAt: at(c.day, 16), channel: 'phone', summary: c.summary, agentId: c.agentId });
    await api.post('qa', `/v1/complaints/${reg.complaintId}/judgement`, PERSONAS.supervisor(supervisorOf(c.agentId)), { valid: c.valid, agentId: c.agentId, category: c.category, reason: c.valid ? '录音核实 / confirmed on the recording' : '非坐席责任 / not the agent\'s doing' });
  }
  log(`qa: ${complaints.length} complaints judged (1 valid: A2010)`);
}

/** Closes every attendance day of the month whose check-out window has passed (the worker would, in time). */
export async function closeAttendanceDays(api: DemoApi, log: Log): Promise<void> {
  const r = await api.post<Record<string, unknown>>('attendance', '/v1/attendance/days/close', PERSONAS.hr, {});
  log(`attendance: days closed ${JSON.stringify(r)}`);
}
