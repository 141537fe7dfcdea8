/**
 * The overrides a service can apply over its defaults: keys it knows, with values of the default's
 * kind (an array for an array, a number for a number). An unknown or mistyped key from a newer or
 * broken policy is ignored, never applied — the one rule of every service's copy of the policy.
 */
export function knownOverrides<T extends object>(defaults: T, overrides: unknown): Partial<T> {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.prototype.hasOwnProperty.call(defaults, key)) continue;
    const base: unknown = (defaults as Record<string, unknown>)[key];
    if (Array.isArray(base) ? Array.isArray(value) : typeof base === typeof value && value !== null) out[key] = value;
  }
  return out as Partial<T>;
}

/** The defaults with the known overrides on top. */
export const withKnownOverrides = <T extends object>(defaults: T, overrides: unknown): T => ({ ...defaults, ...knownOverrides(defaults, overrides) });
