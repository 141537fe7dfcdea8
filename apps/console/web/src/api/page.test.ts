import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { followPages, itemsOf, nextPageParam, pageQuery, readPage, type PageWithContext } from './page';

/** A list of `n` numbers served `size` at a time, cursors as the services write them (opaque strings), with the queries asked. */
function servedList(n: number, size: number, context: Record<string, unknown> = {}) {
  const asked: Array<string | undefined> = [];
  const fetchPage = async (cursor: string | undefined): Promise<PageWithContext<number>> => {
    asked.push(cursor);
    const from = cursor === undefined ? 0 : Number(atob(cursor));
    const items = Array.from({ length: Math.max(0, Math.min(size, n - from)) }, (_, i) => from + i);
    const next = from + size < n ? btoa(String(from + size)) : null;
    return { ...context, items, nextCursor: next };
  };
  return { asked, fetchPage };
}

describe('reading a list answer as a page', () => {
  it('keeps the items, the next cursor and the context fields beside them', () => {
    expect(readPage({ period: '2026-10', items: [{ agentId: 'A1' }], nextCursor: 'eyJ4Ijox' })).toEqual({ period: '2026-10', items: [{ agentId: 'A1' }], nextCursor: 'eyJ4Ijox' });
    expect(readPage({ items: [], nextCursor: null, unread: 3 })).toEqual({ items: [], nextCursor: null, unread: 3 });
  });

  it('reads a missing or empty cursor as the last page, and a bare array as a whole list', () => {
    expect(readPage({ items: [1] }).nextCursor).toBeNull();
    expect(readPage({ items: [1], nextCursor: '' }).nextCursor).toBeNull();
    expect(readPage([1, 2])).toEqual({ items: [1, 2], nextCursor: null });
  });

  it('refuses an answer that is not a page rather than showing an empty list', () => {
    for (const body of [{ scorecards: [1] }, { items: 'x' }, null, 'text']) {
      expect(() => readPage(body)).toThrow(expect.objectContaining({ code: 'CONSOLE.NOT_A_PAGE' }));
    }
  });
});

describe('the query of a page', () => {
  it('adds the page size when asked and the cursor after the first page, keeping the filters', () => {
    expect(pageQuery({ period: '2026-10' }, undefined, undefined)).toEqual({ period: '2026-10' });
    expect(pageQuery({ period: '2026-10' }, 1000, 'abc')).toEqual({ period: '2026-10', limit: 1000, cursor: 'abc' });
    expect(pageQuery(undefined, 20, undefined)).toEqual({ limit: 20 });
    // A size the list asks for itself stands unless the hook is told one.
    expect(pageQuery({ limit: 500 }, undefined, 'c')).toEqual({ limit: 500, cursor: 'c' });
  });

  it('asks for another page only while the last one names it', () => {
    expect(nextPageParam({ items: [1], nextCursor: 'n1' })).toBe('n1');
    expect(nextPageParam({ items: [1], nextCursor: null })).toBeUndefined();
    expect(itemsOf([{ items: [1, 2], nextCursor: 'x' }, { items: [3], nextCursor: null }])).toEqual([1, 2, 3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});

describe('following the pages of a list to the end', () => {
  it('asks page after page with each next cursor until it is null, and keeps every item in order', async () => {
    const list = servedList(2_500, 1_000, { period: '2026-10' });
    const all = await followPages(list.fetchPage);
    expect(all.items).toHaveLength(2_500);
    expect(all.items.slice(998, 1_002)).toEqual([998, 999, 1_000, 1_001]);
    expect(all.items[2_499]).toBe(2_499);
    expect(all.nextCursor).toBeNull();
    expect(all.period).toBe('2026-10');
    expect(list.asked).toEqual([undefined, btoa('1000'), btoa('2000')]);
  });

  it('asks once for a list on one page, and gives an empty list as it is', async () => {
    const one = servedList(3, 1_000);
    expect((await followPages(one.fetchPage)).items).toEqual([0, 1, 2]);
    expect(one.asked).toEqual([undefined]);
    const none = servedList(0, 1_000);
    expect(await followPages(none.fetchPage)).toEqual({ items: [], nextCursor: null });
  });

  it('stops with an error when a service keeps answering the same cursor, or never ends', async () => {
    let calls = 0;
    const stuck = async () => ({ items: [calls++], nextCursor: 'same' });
    await expect(followPages(stuck)).rejects.toThrow(ApiError);
    expect(calls).toBe(2);
    const endless = servedList(Number.MAX_SAFE_INTEGER, 1);
    await expect(followPages(endless.fetchPage, 5)).rejects.toMatchObject({ code: 'CONSOLE.PAGES_DO_NOT_END' });
    expect(endless.asked).toHaveLength(5);
  });

  it('fails when a page fails (no half list passes for the whole)', async () => {
    const list = servedList(30, 10);
    const failing = async (cursor: string | undefined) => {
      if (cursor === btoa('20')) throw new ApiError(503, 'CONSOLE.UPSTREAM_UNAVAILABLE', 'down');
      return list.fetchPage(cursor);
    };
    await expect(followPages(failing)).rejects.toMatchObject({ status: 503 });
  });
});
