import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { ValidationFailedError } from '@app/platform';
import { callIdProblem, type TranscriptInput } from '../domain/speech/read-transcript';
import { readSpeechPolicy, type SpeechPolicy } from '../domain/speech/speech-policy';
import type { RejectedSegment, SpeechProblem } from '../domain/speech/transcript';
import { readAliyunParaformer } from '../domain/speech/vendors/aliyun-paraformer';
import { readAmazonTranscribe } from '../domain/speech/vendors/amazon-transcribe';
import { problem, type Problem } from '../domain/validation/problems';
import { qaError, rejected } from '../qa-evaluation.errors';
import { AutoEvaluationSignal } from '../store/auto-evaluation-signal';
import { QaPolicyStore } from '../store/qa-policy.store';
import { TranscriptStore, type NewTranscript } from '../store/transcript.store';
import { readTranscriptCommand } from './read-transcript-command';

/** Rejected segments listed in an answer (and kept with the transcript); all are counted. */
const REJECTIONS_LISTED = 100;

export interface TranscriptAnswer {
  callId: string;
  /** The transcript's version for the call (a new, different transcript of the call is the next version). */
  version: number;
  /** The same segments were already the call's latest transcript: nothing changed. */
  duplicate: boolean;
  /** Segments kept. */
  segments: number;
  rejected: RejectedSegment[];
  rejectedCount: number;
}

/** An array of transcripts: each one's answer (or refusal) at its index. */
export interface TranscriptBatchAnswer {
  accepted: number;
  duplicates: number;
  refused: number;
  transcripts: Array<(TranscriptAnswer & { index: number }) | { index: number; callId?: string; error: string; message: string; details: Array<{ path: string; code: string; message: string }> }>;
}

export type TranscriptFormat = 'canonical' | 'amazon-transcribe' | 'aliyun-paraformer';

/** A problem of one transcript in an array: its envelope's shape (the platform's code) or a rule's (qa's). */
type ItemProblem = Problem<SpeechProblem['code'] | 'REQUEST.VALIDATION_FAILED'>;

const at = (index: number) => <C extends string>(p: Problem<C>): Problem<C> => ({ ...p, path: `[${index}].${p.path}` });

/** The whole array refused: the first problem gives the code, as `rejected` does for qa's own. */
function refusedAll(problems: ItemProblem[], message: string) {
  const [first] = problems;
  const details = problems.map(({ path, message: m }) => ({ path, message: m }));
  return first.code === 'REQUEST.VALIDATION_FAILED' ? new ValidationFailedError(details, message) : qaError(first.code, message, details);
}

/**
 * A call's transcript in (contracts.md third round): read in its format, every bad segment reported by index,
 * code and path and the good ones kept; stored as the call's latest transcript; the automatic evaluation is
 * woken once it is committed. A transcript is refused whole only when nothing in it is usable. The canonical
 * form may also come as an array of transcripts (each answered at its index, the good ones stored together).
 */
@Injectable()
export class IngestTranscript {
  constructor(
    private readonly scope: TransactionScope,
    private readonly transcripts: TranscriptStore,
    private readonly policy: QaPolicyStore,
    private readonly signal: AutoEvaluationSignal,
  ) {}

  async execute(format: TranscriptFormat, body: unknown, origin: string, callIdParam?: string): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    const speech = readSpeechPolicy((await this.policy.current()).speech);
    if (format === 'canonical' && Array.isArray(body)) return this.batch(body, speech, origin);
    const input = this.read(format, body, speech);
    const callId = callIdParam ?? input.callId;
    const problems = [...(format === 'canonical' ? [] : [callIdProblem(callId, 'callId')].filter((p): p is SpeechProblem => p !== null)), ...input.problems];
    if (problems.length) throw rejected(problems, 'The transcript cannot be taken / 转写无法接收');
    const [answer] = await this.store([{ callId: callId!, input, source: input.source ?? origin }]);
    return answer;
  }

  private read(format: TranscriptFormat, body: unknown, speech: SpeechPolicy): TranscriptInput {
    switch (format) {
      case 'canonical': {
        const read = readTranscriptCommand(body, speech.limits);
        if (!read.ok) throw new ValidationFailedError(read.problems, 'The transcript cannot be taken / 转写无法接收');
        return read.input;
      }
      case 'amazon-transcribe':
        return readAmazonTranscribe(body, speech.limits);
      case 'aliyun-paraformer':
        return readAliyunParaformer(body, speech.limits, speech.channelSpeakers);
    }
  }

  private async batch(items: unknown[], speech: SpeechPolicy, origin: string): Promise<TranscriptBatchAnswer> {
    const max = speech.limits.maxTranscriptsPerRequest;
    if (items.length === 0) throw rejected([problem('QA.REQUEST_INVALID', 'body', 'an empty array: no transcript / 空数组: 没有转写')]);
    if (items.length > max) throw rejected([problem('QA.TRANSCRIPTS_TOO_MANY', 'body', `${items.length} transcripts; at most ${max} a request / 每次最多 ${max} 份转写`)]);
    const read = items.map((item, i) => readTranscriptCommand(item, speech.limits, `[${i}]`));
    const inputs = read.map((r) => (r.ok ? r.input : undefined));
    const lastOf = new Map(inputs.flatMap((r, i) => (r ? [[r.callId, i] as const] : [])));
    const problemsOf: ItemProblem[][] = read.map((r, i) => (!r.ok ? r.problems.map((p) => ({ ...p, code: 'REQUEST.VALIDATION_FAILED' as const })) : [
      ...r.input.problems,
      ...(lastOf.get(r.input.callId) !== i ? [problem('QA.REQUEST_INVALID', 'callId', 'the same call comes again later in this request / 同一通话在本请求中重复')] : []),
    ].map(at(i))));
    const good = inputs.flatMap((input, index) => (input && !problemsOf[index].length ? [{ index, callId: input.callId!, input, source: input.source ?? origin }] : []));
    if (good.length === 0) throw refusedAll(problemsOf.flat(), 'No transcript could be taken / 没有可接收的转写');
    const answers = await this.store(good);
    const transcripts: TranscriptBatchAnswer['transcripts'] = inputs.map((input, index) => {
      const k = good.findIndex((g) => g.index === index);
      if (k >= 0) return { index, ...answers[k] };
      const [first] = problemsOf[index];
      return { index, ...(input ? { callId: input.callId } : {}), error: first.code, message: first.message, details: problemsOf[index] };
    });
    return {
      accepted: answers.filter((a) => !a.duplicate).length,
      duplicates: answers.filter((a) => a.duplicate).length,
      refused: read.length - good.length,
      transcripts,
    };
  }

  private async store(list: Array<{ callId: string; input: TranscriptInput; source: string }>): Promise<TranscriptAnswer[]> {
    const rows: NewTranscript[] = list.map(({ callId, input, source }) => {
      const segmentsJson = JSON.stringify(input.segments);
      return {
        callId,
        source: source.slice(0, 100),
        segments: input.segments,
        segmentsJson,
        contentHash: createHash('sha256').update(segmentsJson).digest('hex'),
        durationMs: input.segments.reduce((m, s) => Math.max(m, s.endMs), 0),
        rejections: input.rejected.slice(0, REJECTIONS_LISTED),
        rejectedCount: input.rejected.length,
      };
    });
    // One statement: on its own it commits by itself; inside a message's inbox transaction the wake-up waits for that commit.
    const saved = await this.transcripts.saveMany(rows);
    const fresh = rows.flatMap((r, i) => (saved[i].duplicate ? [] : [{ callId: r.callId, version: saved[i].version, segments: r.segments }]));
    if (fresh.length) {
      if (this.scope.inTransaction()) this.scope.afterCommit(() => this.signal.notify(fresh));
      else this.signal.notify(fresh);
    }
    return rows.map((r, i) => ({
      callId: r.callId, version: saved[i].version, duplicate: saved[i].duplicate, segments: r.segments.length, rejected: r.rejections, rejectedCount: r.rejectedCount,
    }));
  }
}
