import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useAuth } from '../auth/AuthProvider';
import type { GetPath, ItemOf, PostPath, RequestOptions, ResponseOf, Service } from './client';
import type { ApiPaths } from './generated/openapi';
import { staleAfterWrite } from './invalidation';
import { followPages, itemsOf, nextPageParam, PAGE_LIMIT, pageQuery, readPage, type PageWithContext } from './page';

/**
 * A GET of one thing (not a list) through the proxy, cached by service, path and query. Without a type
 * argument the result is the body the service's OpenAPI document declares for that path (`unknown`
 * where it declares none); `useApiQuery<T>(…)` still names the type itself.
 */
export function useApiQuery<S extends Service, P extends ApiPaths[S]['get']>(service: S, path: P | null, query?: RequestOptions['query'], opts?: Partial<UseQueryOptions<ResponseOf<S, 'get', P>>>): UseQueryResult<ResponseOf<S, 'get', P>>;
export function useApiQuery<T>(service: Service, path: GetPath | null, query?: RequestOptions['query'], opts?: Partial<UseQueryOptions<T>>): UseQueryResult<T>;
export function useApiQuery<T>(service: Service, path: GetPath | null, query?: RequestOptions['query'], opts: Partial<UseQueryOptions<T>> = {}): UseQueryResult<T> {
  const { api } = useAuth();
  return useQuery<T>({
    queryKey: [service, path, query],
    queryFn: ({ signal }) => api.request<T>(service, path as GetPath, { query, signal }),
    enabled: path !== null,
    ...opts,
  });
}

export interface ApiListOptions {
  /** Follow `nextCursor` to the end at once (pickers, and figures that need every row): one page holding everything. */
  all?: boolean;
  /** Items per page; `all` asks for the most the services give (1,000) unless told otherwise. */
  limit?: number;
  refetchInterval?: number;
  retry?: boolean | number;
}

export interface ApiList<T> {
  /** Every item of the pages loaded so far. */
  items: T[];
  /** The first page as it came, with the context fields beside its items (`unread`, `period`, `total`, …). */
  first: PageWithContext<T> | undefined;
  /** The last page loaded named a next one. */
  hasMore: boolean;
  loadMore(): void;
  isLoading: boolean;
  isFetchingMore: boolean;
  error: Error | null;
}

/**
 * A list through the proxy, a page at a time (`?limit=&cursor=` → `{ items, nextCursor }`): tables show what is
 * loaded and offer "load more" while there is a next page; with `all` the pages are followed to the end. The key
 * starts with the service (a write to it refetches the list) and says how the list is read, so a list read
 * page by page and the same list read whole never share a cache entry. Without a type argument the items
 * are typed as the service's document declares them.
 */
export function useApiList<S extends Service, P extends ApiPaths[S]['get']>(service: S, path: P | null, query?: RequestOptions['query'], opts?: ApiListOptions): ApiList<ItemOf<ResponseOf<S, 'get', P>>>;
export function useApiList<T>(service: Service, path: GetPath | null, query?: RequestOptions['query'], opts?: ApiListOptions): ApiList<T>;
export function useApiList<T>(service: Service, path: GetPath | null, query?: RequestOptions['query'], opts: ApiListOptions = {}): ApiList<T> {
  const { api } = useAuth();
  const all = opts.all === true;
  const limit = opts.limit ?? (all ? PAGE_LIMIT.max : undefined);
  const q = useInfiniteQuery({
    queryKey: [service, path, query, all ? 'all' : 'pages', limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => {
      const page = async (cursor: string | undefined) =>
        readPage<T>(await api.request<unknown>(service, path as GetPath, { query: pageQuery(query, limit, cursor), signal }));
      return all ? followPages(page) : page(pageParam);
    },
    getNextPageParam: nextPageParam,
    enabled: path !== null,
    refetchInterval: opts.refetchInterval,
    ...(opts.retry !== undefined ? { retry: opts.retry } : {}),
  });
  const items = useMemo(() => itemsOf(q.data?.pages), [q.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = q;
  return {
    items,
    first: q.data?.pages[0],
    hasMore: hasNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
    isLoading: q.isLoading,
    isFetchingMore: isFetchingNextPage,
    error: q.error,
  };
}

export interface ApiMutationOptions {
  /** Key prefixes of reads in other services this write is known to change (its own service's are refetched anyway). */
  invalidates?: readonly QueryKey[];
}

/** A POST (or other write); on success the cached queries of the service it wrote to, and the keys named, are refetched. */
export function useApiMutation<TBody, TResult = unknown>(service: Service, path: (body: TBody) => PostPath, method: RequestOptions['method'] = 'POST', opts: ApiMutationOptions = {}) {
  const { api } = useAuth();
  const client = useQueryClient();
  return useMutation<TResult, Error, TBody>({
    mutationFn: (body) => api.request<TResult>(service, path(body), { method, body: stripRouteFields(body), idempotencyKey: idempotencyKeyOf(body) }),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => staleAfterWrite(q.queryKey, service, opts.invalidates) }),
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
