import { partialMatchKey, type QueryKey } from '@tanstack/react-query';
import type { Service } from './client';

/**
 * Whether a successful write makes a cached read stale: every query of the service it wrote to (every query key
 * starts with its service), plus the key prefixes the caller names for reads elsewhere it knows the write
 * changes. A write to one service no longer refetches every list of every other service on screen (issue 18
 * item 5). Prefixes match as TanStack's own filters do.
 */
export function staleAfterWrite(key: QueryKey, service: Service, also: readonly QueryKey[] = []): boolean {
  return [[service] as QueryKey, ...also].some((prefix) => partialMatchKey(key, prefix));
}
