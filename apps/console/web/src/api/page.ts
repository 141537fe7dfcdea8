import { ApiError } from './api-error';

/**
 * One page of a list, as every list endpoint of every service answers `?limit=&cursor=` (contracts.md, third
 * round): at most `limit` items and the cursor of the next page, `null` on the last. Context fields an answer
 * carries beside the items (`period`, `unread`, `total`, …) are kept on the page as they came.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page with whatever context fields came beside its items. */
export type PageWithContext<T> = Page<T> & Record<string, unknown>;

/** The services' bounds on `limit` (libs/platform paging): a select that wants everything asks for the most. */
export const PAGE_LIMIT = { default: 100, max: 1_000 } as const;

/**
 * Pages a "load everything" read follows at most: 1,000 × 1,000 items, far beyond any centre's list, so only a
 * service that keeps answering a cursor (a bug) ends here rather than in an endless loop.
 */
export const MAX_PAGES = 1_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A list answer as a page. A bare array is what a list answered before the page shape: it is the whole list, so
 * it reads as its only page. Anything else is not a list answer, and saying so beats showing an empty table.
 */
export function readPage<T>(body: unknown): PageWithContext<T> {
  if (Array.isArray(body)) return { items: body as T[], nextCursor: null };
  if (isObject(body) && Array.isArray(body.items)) {
    const next = body.nextCursor;
    return { ...body, items: body.items as T[], nextCursor: typeof next === 'string' && next !== '' ? next : null };
  }
  throw new ApiError(200, 'CONSOLE.NOT_A_PAGE', 'The service answered something that is not a list page / 服务返回的不是分页列表', [], body);
}

/** The query of one page: the caller's filters, the page size when one is asked for, and the cursor after the first page. */
export function pageQuery<Q extends Record<string, unknown>>(query: Q | undefined, limit: number | undefined, cursor: string | undefined): Q & { limit?: number; cursor?: string } {
  return { ...(query ?? ({} as Q)), ...(limit !== undefined ? { limit } : {}), ...(cursor !== undefined ? { cursor } : {}) };
}

/** TanStack's next page parameter: the cursor, or undefined once the last page has come. */
export const nextPageParam = (last: Page<unknown>): string | undefined => last.nextCursor ?? undefined;

/** Every item of the pages loaded so far, in page order. */
export const itemsOf = <T>(pages: ReadonlyArray<Page<T>> | undefined): T[] => (pages ?? []).flatMap((p) => p.items);

/**
 * Every page of a list, one after another, following `nextCursor` until it is null: the whole list as one page
 * (the first page's context fields kept), for pickers and for figures that need every row (a month's payroll, the
 * distribution of a team's totals). A cursor that comes back twice, or more than `maxPages` pages, is a service
 * fault and fails the read.
 */
export async function followPages<T>(fetchPage: (cursor: string | undefined) => Promise<PageWithContext<T>>, maxPages = MAX_PAGES): Promise<PageWithContext<T>> {
  const first = await fetchPage(undefined);
  const items = [...first.items];
  const seen = new Set<string>();
  let cursor = first.nextCursor;
  for (let pages = 1; cursor !== null; pages++) {
    if (seen.has(cursor) || pages >= maxPages) {
      throw new ApiError(200, 'CONSOLE.PAGES_DO_NOT_END', `The list's pages do not end (cursor repeated or more than ${maxPages} pages) / 列表分页无法结束`, [], { cursor });
    }
    seen.add(cursor);
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  }
  return { ...first, items, nextCursor: null };
}
