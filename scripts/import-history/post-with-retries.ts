import { backoffMs, outcomeOf, type Answer, type Outcome } from './post-outcome';

export interface RetryPolicy {
  retries: number;
  onRetry(attempt: number, reason: string, waitMs: number): void;
  sleep?: (ms: number) => Promise<void>;
}

/** What a chunk came to once retrying is over. */
export type FinalOutcome = Exclude<Outcome, { kind: 'retry' }>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const describe = (err: unknown) => (err instanceof Error ? `${err.message}${err.cause instanceof Error ? ` (${err.cause.message})` : ''}` : String(err));

/**
 * Sends until the service answers something final. Network failures, 429 and 502–504 are waited
 * out with exponential backoff, `retries` times; re-sending is safe because event ids are
 * deterministic (a chunk stored before the answer was lost comes back as duplicates).
 */
export async function postWithRetries(send: () => Promise<Answer>, policy: RetryPolicy): Promise<FinalOutcome> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    let outcome: Outcome;
    try {
      outcome = outcomeOf(await send());
    } catch (err) {
      outcome = { kind: 'retry', reason: describe(err) };
    }
    if (outcome.kind !== 'retry') return outcome;
    if (attempt > policy.retries) {
      return { kind: 'fail', code: 'IMPORT.RETRIES_EXHAUSTED', message: `gave up after ${policy.retries} retries: ${outcome.reason} / 重试 ${policy.retries} 次后放弃` };
    }
    const waitMs = backoffMs(attempt, outcome.retryAfterMs);
    policy.onRetry(attempt, outcome.reason, waitMs);
    await sleep(waitMs);
  }
}
