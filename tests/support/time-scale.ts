/**
 * One knob for every deadline in the tests: `TEST_TIME_SCALE` (default 1) stretches waits, quiet periods and jest's
 * timeouts alike, so a loaded machine (two copies of the suite at once) slows the suite instead of failing it. Waits
 * themselves end on events; the scale only moves the point at which a test gives up.
 */
export const TIME_SCALE = ((): number => {
  const raw = process.env.TEST_TIME_SCALE;
  const n = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isFinite(n) || n < 1 || n > 100) throw new Error(`TEST_TIME_SCALE must be a number from 1 to 100, not ${raw}`);
  return n;
})();

export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE);
