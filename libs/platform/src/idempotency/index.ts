export { IdempotencyInterceptor, type IdempotencyOptions } from './idempotency.interceptor';
export { idempotencyKeysMigration } from './idempotency-keys.migration';
export { isValidIdempotencyKey, requestFingerprint } from './request-fingerprint';
