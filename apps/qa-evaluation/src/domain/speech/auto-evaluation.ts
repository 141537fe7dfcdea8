import type { AutoItem, Evidence, Hit, OutcomeSummary } from '@app/contracts/qa/speech';
import { allItems, type AnswerValue, type FormItem, type FormVersion } from '../forms/form';
import type { CheckOutcome } from './run-checks';
import type { SpeechPolicy } from './speech-policy';
import type { Segment } from './transcript';

export type { AutoItem, Evidence } from '@app/contracts/qa/speech';

/** What the agent's monthly summary adds up (signals `script`, `forbidden-phrase`, `complaint-risk`). */
export interface AutoKpis {
  scriptChecks: number;
  scriptPassed: number;
  forbiddenPhrases: number;
  complaintRisk: boolean;
}

export interface AutoResult {
  formId: string;
  formVersion: number;
  items: AutoItem[];
  hits: Hit[];
  /** Hits by kind, all of them (the hits listed are capped per check). */
  hitCounts: Record<string, number>;
  outcomes: OutcomeSummary[];
  flagged: boolean;
  kpis: AutoKpis;
  /** Alert kinds (`qa.<signal>`) with the hits behind each. */
  alerts: Array<{ kind: string; signal: string; hits: Hit[] }>;
}

const EVIDENCE_TEXT_MAX = 500;

/** The value a check's outcome gives its item, or null to leave it to people. */
function answerFor(item: FormItem, configured: { pass?: AnswerValue | null; fail?: AnswerValue | null } | undefined, passed: boolean): AnswerValue | null {
  const given = passed ? configured?.pass : configured?.fail;
  const value = given !== undefined ? given : item.type === 'yesno' ? passed : null;
  if (value === null) return null;
  // A configured value the item cannot take is not given at all.
  if (value === 'na') return item.naAllowed ? 'na' : null;
  if (item.type === 'yesno') return typeof value === 'boolean' ? value : null;
  return typeof value === 'number' && value >= (item.minPoints ?? 0) && value <= item.maxPoints ? value : null;
}

/** Two checks answering one item: the worse answer stands (false before true, fewer points before more). */
function worse(a: AnswerValue, b: AnswerValue): AnswerValue {
  if (typeof a === 'boolean' && typeof b === 'boolean') return a && b;
  if (typeof a === 'number' && typeof b === 'number') return Math.min(a, b);
  return a === 'na' ? b : a;
}

/**
 * The machine's evaluation of one call on a form version: the items its checks answer (marked auto, with the
 * evidence), every hit, whether the call is flagged for sampling, the alerts to raise and the KPI counts.
 * Items no check answers are left open. Pure.
 */
export function autoEvaluate(form: FormVersion, policy: SpeechPolicy, outcomes: CheckOutcome[], segments: readonly Segment[]): AutoResult {
  const itemsById = new Map(allItems(form).map(({ item }) => [item.itemId, item]));
  const checks = new Map(policy.checks.map((c) => [c.id, c]));
  const evidenceOf = (hits: Hit[]): Evidence[] => hits.map((h) => ({
    segment: h.segment, startMs: h.startMs, endMs: h.endMs, text: segments[h.segment]?.text.slice(0, EVIDENCE_TEXT_MAX) ?? '', matched: h.matched,
  }));
  const answered = new Map<string, AutoItem>();
  for (const o of outcomes) {
    const item = o.itemId ? itemsById.get(o.itemId) : undefined;
    if (!item || o.passed === null) continue;
    const answer = answerFor(item, checks.get(o.check)?.answers, o.passed);
    if (answer === null) continue;
    const kept = answered.get(item.itemId);
    if (!kept) answered.set(item.itemId, { itemId: item.itemId, answer, auto: true, checks: [o.check], evidence: evidenceOf(o.hits) });
    else answered.set(item.itemId, { ...kept, answer: worse(kept.answer, answer), checks: [...kept.checks, o.check], evidence: [...kept.evidence, ...evidenceOf(o.hits)] });
  }
  const hitCounts: Record<string, number> = {};
  for (const o of outcomes) if (o.hitCount > 0) hitCounts[o.signal] = (hitCounts[o.signal] ?? 0) + o.hitCount;
  const scripts = outcomes.filter((o) => o.signal === 'script' && o.passed !== null);
  const alerting = outcomes.filter((o) => checks.get(o.check)?.alert && o.hitCount > 0);
  const alerts = [...new Set(alerting.map((o) => o.signal))].map((signal) => ({
    kind: `qa.${signal}`, signal, hits: alerting.filter((o) => o.signal === signal).flatMap((o) => o.hits),
  }));
  return {
    formId: form.formId,
    formVersion: form.version,
    items: allItems(form).flatMap(({ item }) => answered.get(item.itemId) ?? []),
    hits: outcomes.flatMap((o) => o.hits),
    hitCounts,
    outcomes: outcomes.map(({ check, signal, itemId, passed, hitCount, measured }) => ({ check, signal, itemId, passed, hitCount, ...(measured ? { measured } : {}) })),
    flagged: outcomes.some((o) => checks.get(o.check)?.flags && o.passed === false),
    kpis: {
      scriptChecks: scripts.length,
      scriptPassed: scripts.filter((o) => o.passed).length,
      forbiddenPhrases: hitCounts['forbidden-phrase'] ?? 0,
      complaintRisk: (hitCounts['complaint-risk'] ?? 0) > 0,
    },
    alerts,
  };
}
