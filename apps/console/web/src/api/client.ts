import { toApiError } from './api-error';
import type { ApiPaths, ApiResponses } from './generated/openapi';

export type Service = keyof ApiPaths;
/**
 * The paths the services serve by method, from their OpenAPI documents: a path no service serves
 * fails the type check (path parameters are `${string}`).
 */
export type GetPath = ApiPaths[Service]['get'];
export type PostPath = ApiPaths[Service]['post'];

export type Method = keyof ApiResponses[Service];
/** `/v1/calls/{callId}` → `` `/v1/calls/${string}` ``: a document's path template as the type of the paths it serves. */
export type PathPattern<T extends string> = T extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${PathPattern<Tail>}` : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type OrUnknown<T> = [T] extends [never] ? unknown : T;
/**
 * The JSON body a service declares for `method path` (`path` as the console builds it: a literal, or a
 * template such as `` `/v1/calls/${string}` ``); `unknown` where the document declares none. Only an
 * exact pattern matches, so `/v1/evaluations/${string}/disputes` never takes `/v1/evaluations/{id}`'s body.
 */
export type ResponseOf<S extends Service, M extends Method, P extends string> = OrUnknown<
  { [K in keyof ApiResponses[S][M] & string]: Same<PathPattern<K>, P> extends true ? ApiResponses[S][M][K] : never }[keyof ApiResponses[S][M] & string]
>;
/** The item type of a paged list's declared body (`{ items, nextCursor }`). */
export type ItemOf<R> = R extends { items: Array<infer I> } ? I : unknown;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: the services answer a repeat of the same submission as the first. */
  idempotencyKey?: string;
}

export interface ApiClient {
  request<T>(service: Service, path: string, options?: RequestOptions): Promise<T>;
  /** The raw response, for downloads (CSV, Excel). */
  raw(service: Service, path: string, options?: RequestOptions): Promise<Response>;
}

/** Builds `/api/<service><path>?query`, leaving out empty query values. */
export function apiUrl(service: Service, path: string, query: RequestOptions['query'] = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `/api/${service}${path}${s ? `?${s}` : ''}`;
}

/**
 * Calls a service through the console's proxy with the signed-in person's token; a 401 signs
 * them out (the token expired or was revoked), every other error becomes an ApiError.
 */
export function createApiClient(getToken: () => string | null, onUnauthorized: () => void, fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  const raw = async (service: Service, path: string, o: RequestOptions = {}) => {
    const token = getToken();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    const res = await fetchImpl(apiUrl(service, path, o.query), { method: o.method ?? (o.body === undefined ? 'GET' : 'POST'), headers, body: o.body === undefined ? undefined : JSON.stringify(o.body), signal: o.signal });
    if (res.status === 401) onUnauthorized();
    if (!res.ok) throw toApiError(res.status, await res.json().catch(() => null));
    return res;
  };
  return {
    raw,
    async request<T>(service: Service, path: string, o?: RequestOptions): Promise<T> {
      const res = await raw(service, path, o);
      if (res.status === 204) return undefined as T;
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
