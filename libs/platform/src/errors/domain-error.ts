import type { ErrorDetail } from '@app/contracts';

/**
 * A rule said no. `code` is stable (clients and tests key on it, e.g. `ATTENDANCE.SWAP_LIMIT_REACHED`);
 * the HTTP status is chosen here so the edge only maps, never decides.
 */
export class DomainError extends Error {
  /** A rule's refusal will not change on retry: a message handler dead-letters it at once. */
  readonly retryable = false;

  constructor(
    readonly code: string,
    message: string,
    readonly status = 422,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** Extra fields for the error body beside error/message/details (e.g. a batch's per-item report). */
  extra?: Record<string, unknown>;

  with(extra: Record<string, unknown>): this {
    this.extra = extra;
    return this;
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(details: ErrorDetail[], message = 'The request is not valid / 请求无效') {
    super('REQUEST.VALIDATION_FAILED', message, 400, details);
  }
}
