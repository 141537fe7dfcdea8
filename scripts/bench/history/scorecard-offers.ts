import { getJson } from './services';

interface Card {
  kpis: Record<string, { value: number | null }>;
  status: string;
}

/** The largest page GET /v1/scorecards gives. */
const PAGE = 1_000;

/**
 * A month's provisional scorecards read as a manager would, every page: the cards and the legs offered to
 * their agents, summed over the `offered` KPI (the count of the month's legs per agent).
 */
export async function scorecardOffers(scoringUrl: (path: string) => string, auth: string, period: string): Promise<{ cards: number; offered: number; provisional: boolean }> {
  let cursor: string | null = null;
  let cards = 0;
  let offered = 0;
  let provisional = true;
  do {
    const q: string = `/v1/scorecards?period=${period}&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: { items: Card[]; nextCursor: string | null } = await getJson(scoringUrl(q), auth);
    for (const c of page.items) {
      cards++;
      offered += c.kpis.offered?.value ?? 0;
      provisional &&= c.status === 'provisional';
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { cards, offered, provisional };
}
