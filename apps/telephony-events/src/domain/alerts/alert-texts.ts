import { AbandonReason } from '../events/call-event';
import { roundTo } from '../numbers';

/** Shown to people: Chinese first, then English, as "中文 / English". */
export const bilingual = (zh: string, en: string): string => `${zh} / ${en}`;

/** Seconds with at most one decimal, for message bodies only (facts keep exact ms). */
export const secs = (ms: number): string => String(roundTo(ms / 1000, 1));

export const ABANDON_REASON_LABELS: Record<AbandonReason, { zh: string; en: string }> = {
  hangup: { zh: '来电挂断', en: 'caller hung up' },
  timeout: { zh: '排队超时', en: 'queue timeout' },
  empty: { zh: '无可用坐席', en: 'no agents available' },
  key: { zh: '按键退出', en: 'caller pressed a key' },
  withdraw: { zh: '撤回', en: 'withdrawn' },
};

export const ALERT_TITLES = {
  'call.ring-limit-exceeded': bilingual('响铃超时', 'Ring limit exceeded'),
  'call.ring-no-answer': bilingual('响铃未接', 'Ring no answer'),
  'call.long-hold': bilingual('长时间搁置电话', 'Long hold'),
  'call.poor-quality': bilingual('通话质量差', 'Poor call quality'),
  'call.long-wait-abandoned': bilingual('长时间等待后放弃', 'Abandoned after a long wait'),
  'telephony.derivation-failed': bilingual('通话事实推导失败', 'Call facts could not be derived'),
} as const;
export type TelephonyAlertKind = keyof typeof ALERT_TITLES;

export interface QualityReading {
  mos: number | null;
  jitterMs: number | null;
  packetLossPct: number | null;
}
export interface QualityLimits {
  mosMin: number;
  jitterMsMax: number;
  packetLossPctMax: number;
}

/** One bilingual phrase per breached limit; empty when the reading is within all limits. */
export function qualityBreaches(r: QualityReading, l: QualityLimits): { zh: string; en: string }[] {
  const out: { zh: string; en: string }[] = [];
  if (r.mos !== null && r.mos < l.mosMin) out.push({ zh: `MOS ${r.mos} 低于 ${l.mosMin}`, en: `MOS ${r.mos} below ${l.mosMin}` });
  if (r.jitterMs !== null && r.jitterMs > l.jitterMsMax) {
    out.push({ zh: `抖动 ${r.jitterMs} 毫秒 高于 ${l.jitterMsMax} 毫秒`, en: `jitter ${r.jitterMs} ms above ${l.jitterMsMax} ms` });
  }
  if (r.packetLossPct !== null && r.packetLossPct > l.packetLossPctMax) {
    out.push({ zh: `丢包 ${r.packetLossPct}% 高于 ${l.packetLossPctMax}%`, en: `packet loss ${r.packetLossPct}% above ${l.packetLossPctMax}%` });
  }
  return out;
}
