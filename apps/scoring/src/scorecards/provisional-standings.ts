import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { placingsOf, type Placing, type Standing } from '../domain/scoring/standing';
import type { StoredPolicy } from '../store/policy.store';

/** Long enough for someone to page through a month; a later page past it works the standings out again. */
const KEEP_MS = 15 * 60_000;
/** A 10,000-agent month's standings are ~2 MB: a few walks at once stay small beside a 128 MB heap. */
const KEEP_AT_MOST = 8;

/**
 * An open month's standings as the first page of a walk found them: the ranks of every later page's cards, so
 * those pages read their own people's facts only. Immutable once made.
 */
export class StandingsSnapshot {
  readonly token = randomBytes(9).toString('base64url');
  readonly placings: ReadonlyMap<string, Placing>;
  /** Scored people in code-point order of agent id (the order of every scorecard page). */
  readonly standings: readonly Standing[];

  constructor(
    readonly period: string,
    readonly policy: StoredPolicy,
    standings: readonly Standing[],
    readonly madeAt = Date.now(),
  ) {
    this.standings = [...standings].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0));
    this.placings = placingsOf(standings);
  }

  /** Up to `n` people after agent id `after` (from the first when undefined) that `pass`. */
  after(after: string | undefined, n: number, pass: (s: Standing) => boolean): Standing[] {
    let lo = 0;
    if (after !== undefined) {
      let hi = this.standings.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.standings[mid].agentId <= after) lo = mid + 1;
        else hi = mid;
      }
    }
    const found: Standing[] = [];
    for (let i = lo; i < this.standings.length && found.length < n; i++) if (pass(this.standings[i])) found.push(this.standings[i]);
    return found;
  }
}

/**
 * Snapshots kept in this process for the pages after the first. Only a cache: another instance, or a restart,
 * works the standings out again from the month's facts (slower, same answer as a fresh first page).
 */
@Injectable()
export class ProvisionalStandings {
  private readonly kept = new Map<string, StandingsSnapshot>();

  find(token: string, period: string, now = Date.now()): StandingsSnapshot | undefined {
    const s = this.kept.get(token);
    return s && s.period === period && now - s.madeAt < KEEP_MS ? s : undefined;
  }

  keep(s: StandingsSnapshot, now = Date.now()): void {
    for (const [token, old] of this.kept) if (now - old.madeAt >= KEEP_MS) this.kept.delete(token);
    this.kept.set(s.token, s);
    // Insertion order: the oldest go first.
    for (const token of this.kept.keys()) if (this.kept.size > KEEP_AT_MOST) this.kept.delete(token);
  }
}
