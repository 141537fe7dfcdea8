import { DateTime } from 'luxon';
import { PERSONAS, type DemoApi } from './api';
import type { DemoMonth } from './month-plan';
import { Rng } from './rng';

/** One transcript as `POST /v1/transcripts` takes it (contracts.md third round, speech QA). */
export interface DemoTranscript {
  callId: string;
  segments: Array<{ speaker: 'agent' | 'customer'; startMs: number; endMs: number; text: string }>;
}

/** One answered call in four has a recording sent to speech recognition: enough for the month's figures, cheap to check. */
const SHARE = 0.25;
/** What qa-evaluation takes in one request. */
const PER_REQUEST = 100;
/** Speech at ~200 characters a minute (the speech-rate check wants 120–300). */
const MS_PER_CHAR = 300;

const OPENING = '您好，很高兴为您服务！请问有什么可以帮您？';
const OPENING_MISSED = ['喂，请讲。', '嗯，您说。'];
const CLOSING = '谢谢您的来电，请您对我的服务进行评价！';
const QUESTIONS = ['我想查一下我的订单到哪里了。', '我上个月的账单好像多扣了一笔钱。', '请问怎么修改收货地址？', '我的会员积分什么时候到期？', '退货需要寄到哪里？'];
const ANGRY = ['我已经打了三次电话了，我要投诉！', '你们这个服务我非常不满意。'];
const ANSWERS = ['好的，请您稍等，我帮您查询一下。', '您的订单已经发出，预计明天送达。', '这笔费用我帮您核对一下，请您提供一下订单号。', '您可以在个人中心里修改，我也可以帮您登记。', '请您放心，我这边马上为您处理。'];
const CUSTOMER_LINES = ['好的。', '订单号是八八六二三。', '那大概什么时候能处理好？', '明白了，谢谢。', '还有一个问题想问一下。'];
const FORBIDDEN = ['这个我不知道，您问别的部门吧。', '这不是我负责的，您找售后吧。'];

interface Answered { callId: string; agentId: string; answeredAt: string; endedAt: string }

/**
 * A plausible transcript for a share of the month's answered calls: the scripted opening and closing with realistic
 * omissions (a hurried agent skips one now and then), a forbidden phrase now and then, an angry caller now and then.
 * Its own seeded generator: the same month always gets the same transcripts, whatever else the demo drew.
 */
export function planTranscripts(m: DemoMonth): DemoTranscript[] {
  const rng = new Rng(m.seed * 31 + 19);
  const calls = new Map<string, Partial<Answered>>();
  for (const e of m.calls) {
    if (e.type === 'call.answered') calls.set(e.callId, { callId: e.callId, agentId: e.agentId, answeredAt: e.occurredAt });
    if (e.type === 'call.ended' && calls.has(e.callId)) calls.get(e.callId)!.endedAt = e.occurredAt;
  }
  const out: DemoTranscript[] = [];
  for (const c of calls.values()) {
    if (!c.endedAt || !rng.chance(SHARE)) continue;
    const talkMs = DateTime.fromISO(c.endedAt).toMillis() - DateTime.fromISO(c.answeredAt!).toMillis();
    out.push({ callId: c.callId!, segments: conversation(rng, talkMs) });
  }
  return out;
}

function conversation(rng: Rng, talkMs: number): DemoTranscript['segments'] {
  const segments: DemoTranscript['segments'] = [];
  let t = 0;
  const say = (speaker: 'agent' | 'customer', text: string) => {
    const startMs = t;
    const endMs = startMs + Math.max(1_000, [...text].length * MS_PER_CHAR);
    segments.push({ speaker, startMs, endMs, text });
    t = endMs + rng.int(300, 1_500);
  };
  const angry = rng.chance(0.06);
  say('agent', rng.chance(0.08) ? rng.pick(OPENING_MISSED) : OPENING);
  say('customer', angry ? rng.pick(ANGRY) : rng.pick(QUESTIONS));
  if (rng.chance(0.05)) say('agent', rng.pick(FORBIDDEN));
  // The middle of the call, short turns with no long silence, until the closing's last half minute.
  const closingAt = Math.max(t, talkMs - 20_000);
  while (t < closingAt) {
    say('agent', rng.pick(ANSWERS));
    if (t < closingAt) say('customer', angry && rng.chance(0.3) ? rng.pick(ANGRY) : rng.pick(CUSTOMER_LINES));
  }
  if (!rng.chance(0.1)) say('agent', CLOSING);
  if (rng.chance(0.9)) say('agent', '再见。');
  say('customer', '好的，再见。');
  return segments;
}

/** Posts the month's transcripts as the telephony system's recogniser would, a hundred a request. */
export async function driveTranscripts(api: DemoApi, m: DemoMonth, log: (l: string) => void): Promise<number> {
  const transcripts = planTranscripts(m);
  for (let i = 0; i < transcripts.length; i += PER_REQUEST) {
    await api.post('qa', '/v1/transcripts', PERSONAS.telephony, transcripts.slice(i, i + PER_REQUEST));
  }
  log(`qa: ${transcripts.length} call transcripts posted for speech QA`);
  return transcripts.length;
}
