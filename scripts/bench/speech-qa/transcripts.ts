import type { Client } from 'pg';

/** mulberry32: the same call index always gives the same transcript. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENT_LINES = [
  '请您提供一下订单号，我帮您查询一下。', '好的，您的快递已经在派送途中了，预计明天下午送达。', '非常抱歉给您带来不便，我这边马上为您处理。',
  '请问还有什么可以帮您的吗？', '您稍等，我帮您看一下系统里的记录。', '这个问题我需要跟相关部门核实一下，稍后给您回电。',
  '您的退款申请已经提交，三到五个工作日到账。', '根据我们的规定，七天内可以无理由退货。', '我已经帮您备注了，配送员会提前联系您。',
];
const CUSTOMER_LINES = [
  '我上周买的东西到现在还没收到。', '我想查一下我的订单状态。', '好的，谢谢。', '那大概什么时候能到呢？', '可以帮我改一下收货地址吗？',
  '这个质量有问题，我想退货。', '你们的客服电话太难打通了。', '嗯，我明白了。', '那我再等等看吧。',
];
const OPENING = '您好，很高兴为您服务！';
const CLOSING = '谢谢您的来电，请您对我的服务进行评价！再见。';
const FORBIDDEN = ['这个我也不知道。', '这样不行的。', '这不是我负责的，我不清楚。'];
const RISKY = ['我要投诉你们！', '我对你们的服务很不满意。'];

export interface Segment {
  speaker: 'agent' | 'customer';
  startMs: number;
  endMs: number;
  text: string;
  confidence: number;
}

/**
 * Call `i`'s transcript: 40–120 segments, agent and customer in turn, ~4 s each. Most calls open and close with
 * the scripts; about one in eight has a forbidden phrase, one in ten a complaint risk, one in twelve no closing.
 */
export function transcriptOf(i: number): { callId: string; segments: Segment[] } {
  const r = random(i + 1);
  const n = 40 + Math.floor(r() * 81);
  const segments: Segment[] = [];
  let at = 300 + Math.floor(r() * 800);
  for (let k = 0; k < n; k++) {
    const speaker = k % 2 === 0 ? 'agent' : 'customer';
    let text = speaker === 'agent' ? AGENT_LINES[Math.floor(r() * AGENT_LINES.length)] : CUSTOMER_LINES[Math.floor(r() * CUSTOMER_LINES.length)];
    if (k === 0) text = OPENING;
    else if (k === n - 1 || k === n - 2) text = speaker === 'agent' ? (i % 12 === 5 ? '好的，那先这样。' : CLOSING) : '好的，再见。';
    else if (speaker === 'agent' && k === 6 && i % 8 === 3) text = FORBIDDEN[i % FORBIDDEN.length];
    else if (speaker === 'customer' && k === 3 && i % 10 === 7) text = RISKY[i % RISKY.length];
    const len = 1500 + Math.floor(r() * 3500);
    segments.push({ speaker, startMs: at, endMs: at + len, text, confidence: Math.round((0.8 + r() * 0.2) * 100) / 100 });
    at += len + 200 + Math.floor(r() * 1500);
  }
  return { callId: `sq${i}`, segments };
}

/**
 * qa's copies of the calls, as the consumers would leave them (one answered leg each, October 2026 in
 * Shanghai), in bulk SQL: a transcript's call is there before it arrives.
 */
export async function seedCalls(db: Client, calls: number, agents: number): Promise<void> {
  await db.query(
    `INSERT INTO qa.call_fact (call_id, version, started_at, facts)
     SELECT 'sq' || i, 1, timestamptz '2026-10-01 01:00:00+00' + (i % 28) * interval '1 day' + (i % 600) * interval '1 minute',
            jsonb_build_object('callId', 'sq' || i, 'version', 1, 'legs', jsonb_build_array(jsonb_build_object(
              'agentId', 'A' || lpad((1 + i % $2)::text, 5, '0'), 'answeredAt', '2026-10-01T01:00:00Z', 'talkMs', 240000, 'ringMs', 5000,
              'holdMs', 0, 'longestHoldMs', 0, 'missed', false)))
     FROM generate_series(0, $1 - 1) i`,
    [calls, agents],
  );
  await db.query(`ANALYZE qa.call_fact`);
}
