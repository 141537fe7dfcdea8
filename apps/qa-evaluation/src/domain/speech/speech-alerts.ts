import type { AlertEvent } from '@app/contracts';
import type { Hit } from './run-checks';

export interface SpeechAlertInput {
  callId: string;
  agentId: string;
  team: string | null;
  /** `qa.<signal>`, e.g. `qa.forbidden-phrase`. */
  kind: string;
  signal: string;
  hits: Hit[];
  occurredAt: string;
}

const TITLES: Record<string, [string, string]> = {
  'forbidden-phrase': ['禁用语', 'Forbidden phrase'],
  'complaint-risk': ['投诉风险', 'Complaint risk'],
};

/**
 * One alert per call and kind (`qa:auto:<callId>:<signal>`): raising it again for a new transcript of the call
 * is a no-op, so people are told once. The words and where they were said are in `facts`.
 */
export function speechAlert(a: SpeechAlertInput): AlertEvent {
  const [zh, en] = TITLES[a.signal] ?? ['语音质检', `Speech QA: ${a.signal}`];
  const words = [...new Set(a.hits.map((h) => h.phrase ?? h.matched.join('')))].filter(Boolean);
  const said = words.map((w) => `「${w}」`).join('');
  const who = a.signal === 'complaint-risk' ? ['客户', 'the customer'] : [`坐席 ${a.agentId}`, `agent ${a.agentId}`];
  return {
    alertId: `qa:auto:${a.callId}:${a.signal}`,
    kind: a.kind,
    severity: 'warning',
    agentId: a.agentId,
    ...(a.team ? { team: a.team } : {}),
    title: `${zh} / ${en}: ${a.callId}`,
    body: `通话 ${a.callId} 中${who[0]}说了${said} / On call ${a.callId} ${who[1]} said ${said}`,
    occurredAt: a.occurredAt,
    facts: {
      callId: a.callId, agentId: a.agentId, signal: a.signal, words,
      hits: a.hits.map(({ check, segment, startMs, endMs, matched }) => ({ check, segment, startMs, endMs, matched })),
    },
  };
}
