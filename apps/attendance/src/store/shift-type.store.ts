import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { ShiftType } from '../domain/days/shift-type';

export abstract class ShiftTypeStore {
  abstract all(): Promise<Map<string, ShiftType>>;
  /** Up to `take` types after the code `after`, by code. */
  abstract page(after: string | undefined, take: number): Promise<ShiftType[]>;
  abstract upsert(type: ShiftType): Promise<void>;
}

@Injectable()
export class PgShiftTypeStore extends ShiftTypeStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async all(): Promise<Map<string, ShiftType>> {
    const rows: Array<{ definition: ShiftType }> = await this.scope.manager().query(`SELECT definition FROM attendance.shift_type ORDER BY code`);
    return new Map(rows.map((r) => [r.definition.code, r.definition]));
  }

  async page(after: string | undefined, take: number): Promise<ShiftType[]> {
    const rows: Array<{ definition: ShiftType }> = await this.scope
      .manager()
      .query(`SELECT definition FROM attendance.shift_type WHERE $1::text IS NULL OR code > $1 ORDER BY code LIMIT $2`, [after ?? null, take]);
    return rows.map((r) => r.definition);
  }

  async upsert(type: ShiftType): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.shift_type (code, definition) VALUES ($1, $2)
       ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
      [type.code, JSON.stringify(type)],
    );
  }
}
