/** A month of one agent's automatic evaluations, summed (from the KPI counts each evaluation stored). */
export interface AutoKpiSums {
  calls: number;
  scriptChecks: number;
  scriptPassed: number;
  forbiddenPhrases: number;
  complaintRiskCalls: number;
  flaggedCalls: number;
}

export interface AgentSpeechKpis extends AutoKpiSums {
  /** Script checks passed / script checks judged × 100, two decimals; null when none was judged. */
  scriptAdherencePercent: number | null;
  /** Forbidden phrases said per 100 checked calls, two decimals; null without calls. */
  forbiddenPhrasesPer100Calls: number | null;
}

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/** The scorecard's speech KPIs of an agent's month (for scoring to read; it counts nothing of them by default). */
export function agentSpeechKpis(s: AutoKpiSums): AgentSpeechKpis {
  return {
    ...s,
    scriptAdherencePercent: s.scriptChecks === 0 ? null : round2((s.scriptPassed / s.scriptChecks) * 100),
    forbiddenPhrasesPer100Calls: s.calls === 0 ? null : round2((s.forbiddenPhrases / s.calls) * 100),
  };
}
