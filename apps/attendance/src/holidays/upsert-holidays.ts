import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { atIndex, type FieldError, type RejectedItem } from '../domain/input/item-errors';
import { checkItems } from '../http/request-items';
import { AgentStore } from '../store/agent.store';
import { HolidayStore, type Holiday } from '../store/holiday.store';
import { RosterStore } from '../store/roster.store';
import { UpsertHolidayCommand } from './upsert-holiday.command';

export interface UpsertHolidaysResult {
  accepted: number;
  rejected: RejectedItem[];
}

/** The holiday calendar and who is on duty; days already closed on a changed holiday are re-decided. */
@Injectable()
export class UpsertHolidays {
  constructor(
    private readonly scope: TransactionScope,
    private readonly holidays: HolidayStore,
    private readonly agents: AgentStore,
    private readonly rosters: RosterStore,
  ) {}

  async execute(items: unknown[], pre: RejectedItem[] = []): Promise<UpsertHolidaysResult> {
    const checked = checkItems(UpsertHolidayCommand, items, 'holidays', new Set(pre.map((r) => r.index)));
    const rejected = [...pre, ...checked.rejected];
    return this.scope.run(async () => {
      const known = await this.agents.find(checked.accepted.flatMap(({ value }) => value.dutyAgentIds ?? []));
      const valid: Holiday[] = [];
      for (const { index, value } of checked.accepted) {
        const unknown = unknownDuty(value.dutyAgentIds ?? [], known);
        if (unknown.length) rejected.push({ index, code: 'ATTENDANCE.UNKNOWN_AGENT', errors: atIndex(unknown, 'holidays', index) });
        else valid.push({ date: value.date, name: value.name, dutyAgentIds: value.dutyAgentIds ?? [] });
      }
      await this.holidays.put(valid);
      await this.rosters.markDirtyOn(valid.map((h) => h.date));
      return { accepted: valid.length, rejected: rejected.sort((a, b) => a.index - b.index) };
    });
  }
}

function unknownDuty(ids: readonly string[], known: Map<string, unknown>): FieldError[] {
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `dutyAgentIds[${i}]`, message: `no agent ${id} / 无此坐席` }]));
}
