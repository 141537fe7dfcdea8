import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';

export interface Holiday {
  date: string;
  name: string;
  dutyAgentIds: string[];
}

export abstract class HolidayStore {
  abstract put(holidays: Holiday[]): Promise<void>;
  abstract between(from: string, to: string): Promise<Map<string, Holiday>>;
  /** Up to `take` holidays from `from` to `to` after the date `after`, by date. */
  abstract page(from: string, to: string, after: string | undefined, take: number): Promise<Holiday[]>;
}

@Injectable()
export class PgHolidayStore extends HolidayStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async put(holidays: Holiday[]): Promise<void> {
    if (holidays.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO attendance.holiday (date, name, duty_agent_ids)
       SELECT (h->>'date')::date, h->>'name', ARRAY(SELECT jsonb_array_elements_text(h->'dutyAgentIds'))
       FROM jsonb_array_elements($1::jsonb) AS h
       ON CONFLICT (date) DO UPDATE SET name = EXCLUDED.name, duty_agent_ids = EXCLUDED.duty_agent_ids`,
      [JSON.stringify(holidays)],
    );
  }

  async between(from: string, to: string): Promise<Map<string, Holiday>> {
    const rows: Array<{ date: string; name: string; duty_agent_ids: string[] }> = await this.scope
      .manager()
      .query(`SELECT date::text AS date, name, duty_agent_ids FROM attendance.holiday WHERE date BETWEEN $1 AND $2 ORDER BY date`, [from, to]);
    return new Map(rows.map((r) => [r.date, { date: r.date, name: r.name, dutyAgentIds: r.duty_agent_ids }]));
  }

  async page(from: string, to: string, after: string | undefined, take: number): Promise<Holiday[]> {
    const rows: Array<{ date: string; name: string; duty_agent_ids: string[] }> = await this.scope.manager().query(
      `SELECT date::text AS date, name, duty_agent_ids FROM attendance.holiday
       WHERE date BETWEEN $1 AND $2 AND ($3::date IS NULL OR date > $3) ORDER BY date LIMIT $4`,
      [from, to, after ?? null, take],
    );
    return rows.map((r) => ({ date: r.date, name: r.name, dutyAgentIds: r.duty_agent_ids }));
  }
}
