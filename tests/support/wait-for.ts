import { scaled } from './time-scale';

/** Polls until `probe` returns a truthy value; fails with the last value seen. The deadline stretches with TEST_TIME_SCALE. */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 20_000, everyMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + scaled(timeoutMs);
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A quiet period (nothing more should arrive in it): stretched with TEST_TIME_SCALE like every deadline. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, scaled(ms)));
