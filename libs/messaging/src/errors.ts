/**
 * Thrown by a handler for a message that can never succeed (malformed payload, unknown schema
 * version): it goes to the dead-letter subject at once instead of being retried.
 */
export class NonRetryableMessageError extends Error {
  readonly retryable = false;
  constructor(message: string, readonly code = 'MESSAGING.NON_RETRYABLE') {
    super(message);
    this.name = 'NonRetryableMessageError';
  }
}

export function isRetryable(err: unknown): boolean {
  return !(err && typeof err === 'object' && (err as { retryable?: unknown }).retryable === false);
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (err && typeof err === 'object') {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(err);
    } catch {
      return String(err);
    }
  }
  return String(err);
}
