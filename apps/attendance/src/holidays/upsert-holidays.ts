import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import { atIndex, isRecord, requireText, unknownFields, type FieldError, type RejectedItem } from '../domain/item-errors';
import { isLocalDate } from '../domain/local-time';
import { AgentStore } from '../store/agent.store';
import { HolidayStore, type Holiday } from '../store/holiday.store';
import { RosterStore } from '../store/roster.store';

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
    const rejected = [...pre];
    const skip = new Set(pre.map((r) => r.index));
    return this.scope.run(async () => {
      const duty = items.flatMap((h) => (isRecord(h) && Array.isArray(h.dutyAgentIds) ? h.dutyAgentIds.filter((x): x is string => typeof x === 'string') : []));
      const known = await this.agents.find(duty);
      const valid: Holiday[] = [];
      items.forEach((raw, index) => {
        if (skip.has(index)) return;
        const errors = holidayErrors(raw, known);
        if (errors.length) rejected.push({ index, code: errors.some((e) => e.message.startsWith('no agent')) ? 'ATTENDANCE.UNKNOWN_AGENT' : 'ATTENDANCE.INVALID', errors: atIndex(errors, 'holidays', index) });
        else {
          const h = raw as { date: string; name: string; dutyAgentIds?: string[] };
          valid.push({ date: h.date, name: h.name, dutyAgentIds: h.dutyAgentIds ?? [] });
        }
      });
      await this.holidays.put(valid);
      await this.rosters.markDirtyOn(valid.map((h) => h.date));
      return { accepted: valid.length, rejected: rejected.sort((a, b) => a.index - b.index) };
    });
  }
}

function holidayErrors(raw: unknown, known: Map<string, unknown>): FieldError[] {
  if (!isRecord(raw)) return [{ path: '', message: 'a holiday { date, name, dutyAgentIds }' }];
  const errors = [...unknownFields(raw, ['date', 'name', 'dutyAgentIds']), ...requireText(raw, 'name')];
  if (!isLocalDate(raw.date)) errors.push({ path: 'date', message: 'a real date yyyy-mm-dd' });
  if (raw.dutyAgentIds !== undefined && !Array.isArray(raw.dutyAgentIds)) errors.push({ path: 'dutyAgentIds', message: 'a list of agent ids' });
  (Array.isArray(raw.dutyAgentIds) ? raw.dutyAgentIds : []).forEach((id, i) => {
    if (typeof id !== 'string' || !known.has(id)) errors.push({ path: `dutyAgentIds[${i}]`, message: `no agent ${String(id)}` });
  });
  return errors;
}
