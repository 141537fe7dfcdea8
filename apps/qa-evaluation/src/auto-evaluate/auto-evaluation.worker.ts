import { Injectable } from '@nestjs/common';
import { BackgroundWorker } from '@app/platform';
import { AutoEvaluationSignal, type FreshTranscript } from '../store/auto-evaluation-signal';
import { FreshTranscripts } from './fresh-transcripts';
import { AUTO_EVALUATION_BATCH, AutoEvaluate } from './auto-evaluate';

/** A call copy arriving after its transcript is found by this poll; a stored transcript wakes it at once. */
const POLL_MS = 1_000;
/**
 * Batches in flight at once: while one waits on PostgreSQL (its writes, its commit) the other checks its
 * transcripts, so the checking never stands idle; SKIP LOCKED gives each its own transcripts.
 */
const LANES = 2;

/** Checks transcripts batch after batch until none is left, when woken and every second, in LANES lanes. */
@Injectable()
export class AutoEvaluationWorker extends BackgroundWorker implements AutoEvaluationSignal {
  constructor(
    private readonly evaluate: AutoEvaluate,
    private readonly fresh: FreshTranscripts,
  ) {
    super(POLL_MS);
  }

  notify(fresh: FreshTranscript[] = []): void {
    this.fresh.add(fresh);
    this.kick();
  }

  protected async work(): Promise<void> {
    const lane = async () => {
      while ((await this.evaluate.runBatch(this.fresh)) === AUTO_EVALUATION_BATCH);
    };
    await Promise.all(Array.from({ length: LANES }, lane));
  }
}
