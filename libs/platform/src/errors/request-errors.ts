import type { ErrorDetail } from '@app/contracts';
import { DomainError } from './domain-error';

/**
 * The codes the platform answers with before a service's own rules are asked, each with its HTTP
 * status: one list, so a client (and docs/platform.md) can rely on them in every service.
 */
export const REQUEST_ERRORS = {
  /** class-validator refused a DTO field. */
  'REQUEST.VALIDATION_FAILED': 400,
  'REQUEST.MALFORMED_JSON': 400,
  /** A body past `bodyLimits` (bytes or JSON values). */
  'REQUEST.TOO_LARGE': 413,
  /** A JSON body nested deeper than `bodyLimits.jsonDepth`, refused before it is parsed. */
  'REQUEST.TOO_DEEP': 400,
  /** A string (or key) holding U+0000 or a lone UTF-16 surrogate: PostgreSQL text and jsonb cannot hold it. */
  'REQUEST.INVALID_TEXT': 400,
  /** A month that is not `yyyy-mm` within the platform's years. */
  'REQUEST.INVALID_PERIOD': 400,
  /** A date that is not a real calendar date `yyyy-mm-dd` within the platform's years. */
  'REQUEST.INVALID_DATE': 400,
  /** A whole number out of its bounds, or not one (ids, versions, pages). */
  'REQUEST.INVALID_INTEGER': 400,
  /** A list's `cursor` that this list did not write (another list's, edited or truncated). */
  'REQUEST.INVALID_CURSOR': 400,
  /** Node's HTTP parser refused the request line or headers (answered on the socket). */
  'REQUEST.MALFORMED': 400,
  /** Request line and headers past node's `maxHeaderSize` (a 20 KB URL). */
  'REQUEST.HEADERS_TOO_LARGE': 431,
  /** The request line and headers did not arrive within node's `headersTimeout`. */
  'REQUEST.TIMEOUT': 408,
  /** An `Idempotency-Key` that is not 1–200 visible ASCII characters. */
  'REQUEST.IDEMPOTENCY_KEY_INVALID': 400,
  /** The same `Idempotency-Key` sent again with another request (method, path or body). */
  'REQUEST.IDEMPOTENCY_KEY_REUSED': 409,
  /** The first request under this key is still being handled and did not finish while this one waited. */
  'REQUEST.IDEMPOTENCY_KEY_IN_FLIGHT': 409,
} as const;

export type RequestErrorCode = keyof typeof REQUEST_ERRORS;

export function requestError(code: RequestErrorCode, message: string, details: ErrorDetail[] = []): DomainError {
  return new DomainError(code, message, REQUEST_ERRORS[code], details);
}
