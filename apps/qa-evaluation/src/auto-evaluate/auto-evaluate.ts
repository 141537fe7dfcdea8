import { Injectable, Logger } from '@nestjs/common';
import type { AlertEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { agentOfCall } from '../domain/speech/agent-of-call';
import { autoEvaluate } from '../domain/speech/auto-evaluation';
import { chineseWords } from '../domain/speech/chinese-words';
import { runChecks } from '../domain/speech/run-checks';
import { speechAlert } from '../domain/speech/speech-alerts';
import { readSpeechPolicy } from '../domain/speech/speech-policy';
import type { Segment } from '../domain/speech/transcript';
import { AutoEvaluationEvents, type CompletedAutoEvaluation } from '../events/auto-evaluation-events';
import { AgentDirectory } from '../store/agent-directory';
import { AutoEvaluationStore, type NewAutoEvaluation } from '../store/auto-evaluation.store';
import { FormStore } from '../store/form.store';
import { QaPolicyStore } from '../store/qa-policy.store';
import { TranscriptStore, type TranscriptToCheck } from '../store/transcript.store';
import type { FreshTranscripts } from './fresh-transcripts';

/** Transcripts checked per transaction: large enough to amortise the round trips, small enough to hold locks briefly. */
export const AUTO_EVALUATION_BATCH = 100;

/**
 * The automatic evaluation of every call with a transcript: claim a batch of transcripts whose call copy is
 * there, run the policy's speech checks on each (the agent from the call copy), store each call's evaluation,
 * publish `qa.auto-evaluation.completed` and the speech alerts, and mark the transcripts checked — one
 * transaction. A transcript whose call has no answered leg waits for a newer copy of the call.
 */
@Injectable()
export class AutoEvaluate {
  private readonly logger = new Logger(AutoEvaluate.name);

  constructor(
    private readonly scope: TransactionScope,
    private readonly transcripts: TranscriptStore,
    private readonly evaluations: AutoEvaluationStore,
    private readonly forms: FormStore,
    private readonly policy: QaPolicyStore,
    private readonly agents: AgentDirectory,
    private readonly events: AutoEvaluationEvents,
  ) {}

  /**
   * One batch; how many transcripts it took (fewer than the batch size: nothing is left to check now). `fresh`
   * holds segments ingest handed over: those are not read back.
   */
  runBatch(fresh?: FreshTranscripts, limit = AUTO_EVALUATION_BATCH): Promise<number> {
    return this.scope.run(async () => {
      const claimed = await this.transcripts.claimToCheck(limit, fresh?.callIds() ?? []);
      if (!claimed.length) return 0;
      const batch = await this.withSegments(claimed, fresh);
      const { version: policyVersion, values } = await this.policy.active();
      const speech = readSpeechPolicy(values.speech);
      const form = await this.forms.latestPublished(values.forms.callFormId);
      if (!form) throw new Error(`no published version of the call form ${values.forms.callFormId}`);
      const words = chineseWords(speech.dictionary);
      const rows: NewAutoEvaluation[] = [];
      const waiting: Array<{ callId: string; version: number; callVersion: number }> = [];
      for (const t of batch) {
        const agentId = agentOfCall(t.legs);
        if (!agentId) {
          waiting.push({ callId: t.callId, version: t.version, callVersion: t.callVersion });
          continue;
        }
        try {
          const result = autoEvaluate(form, speech, runChecks(t.segments, speech, words), t.segments);
          rows.push({ callId: t.callId, agentId, policyVersion, transcriptVersion: t.version, startedAt: t.startedAt, result });
        } catch (err) {
          // One transcript the checks cannot handle is set aside; the batch goes on.
          this.logger.warn(`transcript of ${t.callId} v${t.version} failed its checks: ${String(err)}`);
          await this.transcripts.markFailed(t.callId, t.version, String((err as Error)?.stack ?? err));
        }
      }
      const saved = await this.evaluations.saveMany(rows);
      await this.transcripts.markChecked(rows.map((r) => ({ callId: r.callId, version: r.transcriptVersion })));
      await this.transcripts.markWaiting(waiting);
      const completed: CompletedAutoEvaluation[] = rows.map((r) => ({ ...r, ...saved.get(r.callId)! }));
      await this.events.publish(completed, await this.alertsOf(completed));
      return claimed.length;
    });
  }

  private async withSegments(claimed: TranscriptToCheck[], fresh?: FreshTranscripts): Promise<Array<TranscriptToCheck & { segments: Segment[] }>> {
    const held = claimed.map((t) => t.segments ?? fresh?.take(t.callId, t.version) ?? null);
    const missing = claimed.filter((_, i) => held[i] === null);
    const read = await this.transcripts.segmentsOf(missing.map(({ callId, version }) => ({ callId, version })));
    return claimed.map((t, i) => ({ ...t, segments: held[i] ?? read.get(t.callId) ?? [] }));
  }

  private async alertsOf(completed: CompletedAutoEvaluation[]): Promise<AlertEvent[]> {
    const alerts: AlertEvent[] = [];
    const teams = new Map<string, string | null>();
    for (const c of completed) {
      if (!c.result.alerts.length) continue;
      if (!teams.has(c.agentId)) teams.set(c.agentId, (await this.agents.get(c.agentId))?.team ?? null);
      const team = teams.get(c.agentId) ?? null;
      for (const a of c.result.alerts) {
        alerts.push(speechAlert({ callId: c.callId, agentId: c.agentId, team, kind: a.kind, signal: a.signal, hits: a.hits, occurredAt: c.checkedAt.toISOString() }));
      }
    }
    return alerts;
  }
}
