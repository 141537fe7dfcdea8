import { Injectable } from '@nestjs/common';
import { OutsideTeamError, TeamScope, type AuthenticatedUser } from '@app/auth';
import { assertOwnIfAgent, isAgentOnly } from '../access/agent-scope';
import { isPeriod } from '../domain/appraisal/appraisal-calendar';
import { agentSpeechKpis, type AgentSpeechKpis } from '../domain/speech/agent-kpis';
import { allItems } from '../domain/forms/form';
import { PeriodWindow } from '../periods/period-window';
import { QaErrors, refuse } from '../qa-evaluation.errors';
import { AutoEvaluationStore, type AutoEvaluation } from '../store/auto-evaluation.store';
import { CallCopyStore } from '../store/call-copy.store';
import { FormStore } from '../store/form.store';
import { TranscriptStore } from '../store/transcript.store';

/** The pinned read (contracts.md third round) and a little more: version, policy, flag, outcomes. */
function view(e: AutoEvaluation) {
  return {
    callId: e.callId, agentId: e.agentId, formId: e.formId, formVersion: e.formVersion,
    items: e.items.map(({ itemId, answer, auto, checks, evidence }) => ({ itemId, answer, auto, checks, evidence })),
    hits: e.hits,
    version: e.version, policyVersion: e.policyVersion, transcriptVersion: e.transcriptVersion, checkedAt: e.checkedAt.toISOString(),
    flagged: e.flagged, hitCounts: e.hitCounts, outcomes: e.outcomes,
  };
}

/** Reading the machine's evaluations: one call's, the evaluator's pre-filled answers, an agent's month, a transcript. */
@Injectable()
export class ReadAutoEvaluations {
  constructor(
    private readonly evaluations: AutoEvaluationStore,
    private readonly transcripts: TranscriptStore,
    private readonly forms: FormStore,
    private readonly periods: PeriodWindow,
    private readonly teams: TeamScope,
    private readonly calls: CallCopyStore,
  ) {}

  /** An agent reads their own calls; a supervisor or QA inspector their own teams'; the rest everyone's. */
  private async assertMayRead(user: AuthenticatedUser, agentId: string): Promise<void> {
    assertOwnIfAgent(user, agentId);
    await this.teams.assertReaches(user, agentId);
  }

  private async found(callId: string): Promise<AutoEvaluation> {
    const e = await this.evaluations.get(callId);
    if (!e) throw QaErrors.autoEvaluationNotFound(callId);
    return e;
  }

  async get(user: AuthenticatedUser, callId: string) {
    const e = await this.found(callId);
    await this.assertMayRead(user, e.agentId);
    return view(e);
  }

  /**
   * The machine's answers in the shape `POST /v1/evaluations` takes (`answers`), the items left to the evaluator
   * (`open`), and each answered item's evidence: an evaluator starts from them and decides.
   */
  async prefill(user: AuthenticatedUser, callId: string) {
    const e = await this.found(callId);
    await this.assertMayRead(user, e.agentId);
    const form = await this.forms.get(e.formId, e.formVersion);
    const answered = new Set(e.items.map((i) => i.itemId));
    return {
      callId: e.callId, agentId: e.agentId, formId: e.formId, formVersion: e.formVersion, version: e.version,
      answers: e.items.map(({ itemId, answer }) => ({ itemId, value: answer })),
      auto: [...answered],
      open: form ? allItems(form).map(({ item }) => item.itemId).filter((id) => !answered.has(id)) : [],
      evidence: Object.fromEntries(e.items.map((i) => [i.itemId, i.evidence])),
      hits: e.hits,
    };
  }

  async agentSummary(user: AuthenticatedUser, agentId: string, period: string | undefined): Promise<AgentSpeechKpis & { agentId: string; period: string }> {
    await this.assertMayRead(user, agentId);
    if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const { from, to } = await this.periods.of(period, true);
    return { agentId, period, ...agentSpeechKpis(await this.evaluations.kpiSums(agentId, from!, to!)) };
  }

  /**
   * A call's transcript, for whoever may read the call: its agent (from the machine's evaluation, else the agents
   * who answered it in qa's copy of the call, else everyone it was offered to). Until qa knows the call, only those
   * who read every team's calls see it.
   */
  async transcript(user: AuthenticatedUser, callId: string) {
    const t = await this.transcripts.get(callId);
    if (!t) throw QaErrors.transcriptNotFound(callId);
    if (!(await this.teams.reachOf(user)).all) {
      const agents = await this.agentsOf(callId);
      if (agents.length === 0) throw QaErrors.transcriptNotFound(callId);
      if (isAgentOnly(user)) assertOwnIfAgent(user, agents.includes(user.agentId ?? '') ? (user.agentId ?? null) : agents[0]);
      else if ((await this.teams.filter(user, [agents], (ids) => ids)).length === 0) throw new OutsideTeamError(agents);
    }
    const { contentHash: _hash, ...rest } = t;
    return { ...rest, receivedAt: t.receivedAt.toISOString(), checkedAt: t.checkedAt?.toISOString() ?? null };
  }

  private async agentsOf(callId: string): Promise<string[]> {
    const machine = await this.evaluations.get(callId);
    if (machine) return [machine.agentId];
    const legs = (await this.calls.get(callId))?.legs ?? [];
    const answered = legs.filter((l) => l.answeredAt !== null);
    return [...new Set((answered.length > 0 ? answered : legs).map((l) => l.agentId))];
  }
}
