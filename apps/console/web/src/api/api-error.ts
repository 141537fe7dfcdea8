/** An error body as every service sends it (contracts.md § Errors). */
export interface ErrorBody {
  error: string;
  message: string;
  details?: Array<{ path: string; message: string }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field errors keyed by the last segment of their path, for putting them on a form's fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) {
      const field = d.path.replace(/^body\./, '').replace(/\[\d+\]/g, '');
      out[field] ??= d.message;
    }
    return out;
  }
}

export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Partial<ErrorBody>;
  const code = typeof b.error === 'string' ? b.error : `HTTP.${status}`;
  const message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  return new ApiError(status, code, message, Array.isArray(b.details) ? b.details : [], body);
}
