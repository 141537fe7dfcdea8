import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ClockPunch } from '../domain/days/attribute-clock-events';
import type { DayOverride } from '../domain/days/decide-day';
import type { ShiftSpan } from '../domain/days/shift-type';
import type { RosterDay } from './roster.store';

/** What the close needs of one roster day besides its roster row, gathered by PostgreSQL. */
export interface DayInputs {
  /** The agent's clock events inside the day's window (none for a day without a span). */
  punches: ClockPunch[];
  /** The agent's other shifts whose windows overlap this one: the only ones that can claim its punches. */
  otherShifts: ShiftSpan[];
  /** Every correction of the day, folded in order (a later one wins field by field). */
  override?: DayOverride;
  /** The day's current decision, when it was closed before. */
  current?: { version: number; hash: string };
}

/** The inputs of many days at once, for the close. */
export abstract class DayInputsStore {
  /** One answer per day, in the order given. */
  abstract gather(days: RosterDay[]): Promise<DayInputs[]>;
}

interface Row {
  punches: ClockPunch[] | null;
  others: ShiftSpan[] | null;
  corrections: DayOverride[] | null;
  current: { version: number; hash: string } | null;
}

/**
 * One statement and one compact row per day: the day's punches come already cut to its window and its
 * overlapping neighbours already picked, as JSON (parsed natively), instead of a row per clock event
 * and per roster day of every agent — the close's profile was dominated by parsing those rows and
 * collecting what they left behind under the 128 MB heap cap.
 */
@Injectable()
export class PgDayInputsStore extends DayInputsStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async gather(days: RosterDay[]): Promise<DayInputs[]> {
    if (days.length === 0) return [];
    const rows: Row[] = await this.scope.manager().query(
      `SELECT
         (SELECT json_agg(json_build_object('type', c.type, 'at', (extract(epoch from c.at) * 1000)::bigint))
          FROM attendance.clock_event c
          WHERE c.agent_id = d.agent_id AND c.at BETWEEN to_timestamp(d.f / 1000) AND to_timestamp(d.t / 1000)) AS punches,
         (SELECT json_agg(o.span)
          FROM attendance.roster o
          WHERE o.agent_id = d.agent_id AND o.date BETWEEN d.date - 1 AND d.date + 1 AND o.date <> d.date
            AND o.window_from <= to_timestamp(d.t / 1000) AND o.window_to >= to_timestamp(d.f / 1000)) AS others,
         (SELECT json_agg(k.correction ORDER BY k.id)
          FROM attendance.day_correction k WHERE k.agent_id = d.agent_id AND k.date = d.date) AS corrections,
         -- A probe per day, and none for a day never closed: as a join, the planner (its statistics taken while
         -- the table was still empty) scanned day_record whole for every day, and the close slowed as it filled.
         CASE WHEN d.closed THEN
           (SELECT json_build_object('version', r.version, 'hash', r.hash) FROM attendance.day_record r WHERE r.agent_id = d.agent_id AND r.date = d.date)
         END AS current
       FROM unnest($1::text[], $2::date[], $3::double precision[], $4::double precision[], $5::boolean[]) WITH ORDINALITY
            AS d(agent_id, date, f, t, closed, n)
       ORDER BY d.n`,
      [
        days.map((d) => d.agentId),
        days.map((d) => d.date),
        days.map((d) => d.span?.windowFrom ?? null),
        days.map((d) => d.span?.windowTo ?? null),
        days.map((d) => d.closed),
      ],
    );
    return rows.map((r) => ({
      punches: r.punches ?? [],
      otherShifts: r.others ?? [],
      ...(r.corrections ? { override: r.corrections.reduce((acc, c) => ({ ...acc, ...c })) } : {}),
      ...(r.current ? { current: r.current } : {}),
    }));
  }
}
