import { PERSONAS, type DemoApi } from './api';
import type { DemoMonth } from './month-plan';
import { planTranscripts } from './transcripts';

interface CardView { agentId: string; kpis: Record<string, { value: number | null }> }

/** What scoring must have received before a close means anything: every leg, evaluation, automatic evaluation and appraisal. */
export function expectedCounts(m: DemoMonth): { offered: number; evaluations: number; agents: number; autoChecked: number } {
  const offered = m.calls.filter((e) => e.type === 'call.offered').length;
  // Every transcript posted is checked (the demo's are all readable): its call shows on the card as checked.
  return { offered, evaluations: m.agents.length * 4, agents: m.agents.length, autoChecked: planTranscripts(m).length };
}

/** Polls the provisional scorecards until scoring has consumed the whole month (events are asynchronous). */
export async function waitForScoring(api: DemoApi, m: DemoMonth, log: (l: string) => void, timeoutMs = 240_000): Promise<void> {
  const want = expectedCounts(m);
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const scorecards = await api.all<CardView>('scoring', `/v1/scorecards?period=${m.period}`, PERSONAS.hr);
    const sum = (k: string) => scorecards.reduce((s, c) => s + (c.kpis[k]?.value ?? 0), 0);
    const status = await api.get<{ missingAppraisals: string[] }>('scoring', `/v1/periods/${m.period}`, PERSONAS.hr);
    const now = `legs ${sum('offered')}/${want.offered}, evaluations ${sum('qaEvaluations')}/${want.evaluations}, auto-QA ${sum('autoQaCallsChecked')}/${want.autoChecked}, appraisals missing ${status.missingAppraisals.length}`;
    if (now !== last) log(`scoring: ${now}`);
    last = now;
    if (scorecards.length >= want.agents && sum('offered') >= want.offered && sum('qaEvaluations') >= want.evaluations && sum('autoQaCallsChecked') >= want.autoChecked && status.missingAppraisals.length === 0) return;
    if (Date.now() > deadline) throw new Error(`scoring has not caught up after ${timeoutMs / 1000} s: ${now}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
