import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthProvider';
import type { GetPath, PostPath, RequestOptions, Service } from './client';

/** A GET through the proxy, cached by service, path and query. */
export function useApiQuery<T>(service: Service, path: GetPath | null, query?: RequestOptions['query'], opts: Partial<UseQueryOptions<T>> = {}) {
  const { api } = useAuth();
  return useQuery<T>({
    queryKey: [service, path, query],
    queryFn: ({ signal }) => api.request<T>(service, path as GetPath, { query, signal }),
    enabled: path !== null,
    ...opts,
  });
}

/** A POST (or other write); on success every cached query of the service is refetched. */
export function useApiMutation<TBody, TResult = unknown>(service: Service, path: (body: TBody) => PostPath, method: RequestOptions['method'] = 'POST') {
  const { api } = useAuth();
  const client = useQueryClient();
  return useMutation<TResult, Error, TBody>({
    mutationFn: (body) => api.request<TResult>(service, path(body), { method, body: stripRouteFields(body), idempotencyKey: idempotencyKeyOf(body) }),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** `_idempotencyKey`: one per form submission (ActionForm), so a double click files one record. */
function idempotencyKeyOf(body: unknown): string | undefined {
  const key = typeof body === 'object' && body !== null ? (body as { _idempotencyKey?: unknown })._idempotencyKey : undefined;
  return typeof key === 'string' ? key : undefined;
}

/** Fields starting with `_` only build the path (e.g. `_id`); they are not sent. */
function stripRouteFields(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([k]) => !k.startsWith('_')));
}
