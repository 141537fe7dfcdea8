import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { inTurn, TransactionScope } from '@app/persistence';
import { atIndex, type RejectedItem } from '../domain/input/item-errors';
import { OFF, shiftSpan } from '../domain/days/shift-type';
import { checkItems } from '../http/request-items';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStore } from '../store/agent.store';
import { DayRecordStore } from '../store/day-record.store';
import { dayKey, RosterStore, type DayKey, type RosterDay } from '../store/roster.store';
import { ShiftTypeStore } from '../store/shift-type.store';
import { RosterDayCommand } from './roster-day.command';

export interface UpsertRostersResult {
  accepted: number;
  unchanged: number;
  rejected: RejectedItem[];
}

interface Item {
  index: number;
  agentId: string;
  date: string;
  shift: string;
}

/**
 * Writes roster days (a month's upload is one request). `off` clears a day. A day that has closed
 * already is re-decided and re-published with a higher version: the change is a correction.
 */
@Injectable()
export class UpsertRosters {
  constructor(
    private readonly scope: TransactionScope,
    private readonly rosters: RosterStore,
    private readonly agents: AgentStore,
    private readonly types: ShiftTypeStore,
    private readonly policy: AttendancePolicyStore,
    private readonly days: DayRecordStore,
    private readonly teams: TeamScope,
  ) {}

  async execute(items: unknown[], user: AuthenticatedUser, pre: RejectedItem[] = []): Promise<UpsertRostersResult> {
    const by = user.sub;
    const checked = checkItems(RosterDayCommand, items, 'rosters', new Set(pre.map((r) => r.index)));
    const rejected = [...pre, ...checked.rejected];
    return this.scope.run(async () => {
      const [types, policy] = await inTurn(() => this.types.all(), () => this.policy.current());
      const shaped: Item[] = [];
      for (const { index, value } of checked.accepted) {
        // Which codes exist is the store's to say: refused with the service's own code, as before.
        if (value.shift !== OFF && !types.has(value.shift)) {
          const message = `a shift type code (${[...types.keys(), OFF].join(', ')})`;
          rejected.push({ index, code: 'ATTENDANCE.INVALID', errors: atIndex([{ path: 'shift', message }], 'rosters', index) });
        } else shaped.push({ index, agentId: value.agentId, date: value.date, shift: value.shift });
      }
      const agents = await this.agents.find(shaped.map((i) => i.agentId));
      const outside = new Set(await this.teams.outside(await this.teams.reachOf(user), [...agents.keys()]));
      const valid = shaped.filter((i) => {
        const a = agents.get(i.agentId);
        if (!a) rejected.push({ index: i.index, code: 'ATTENDANCE.UNKNOWN_AGENT', errors: atIndex([{ path: 'agentId', message: `no agent ${i.agentId}` }], 'rosters', i.index) });
        else if (outside.has(i.agentId)) {
          rejected.push({ index: i.index, code: 'AUTH.OUTSIDE_YOUR_TEAM', errors: atIndex([{ path: 'agentId', message: `${i.agentId} is not in a team you lead / 不在您负责的班组` }], 'rosters', i.index) });
        } else if (!a.record.active && i.shift !== OFF) {
          rejected.push({ index: i.index, code: 'ATTENDANCE.AGENT_INACTIVE', errors: atIndex([{ path: 'agentId', message: `${i.agentId} is deactivated / 该坐席已停用` }], 'rosters', i.index) });
        } else return true;
        return false;
      });
      const last = new Map(valid.map((i) => [dayKey(i.agentId, i.date), i]));
      const existing = await this.rosters.get([...last.values()]);
      const put: Array<Omit<RosterDay, 'closed'>> = [];
      const remove: DayKey[] = [];
      let unchanged = valid.length - last.size;
      for (const [k, i] of last) {
        const prev = existing.get(k);
        if ((prev?.shift ?? OFF) === i.shift) unchanged++;
        else if (i.shift === OFF && prev && !prev.closed) remove.push(i);
        else put.push({ agentId: i.agentId, date: i.date, shift: i.shift, swapId: null, span: i.shift === OFF ? null : shiftSpan(i.date, types.get(i.shift)!, policy.values) });
      }
      await this.rosters.put(put);
      await this.rosters.remove(remove);
      // A closed day whose roster changed is corrected: the change is kept with the day's corrections.
      for (const d of put.filter((p) => existing.get(dayKey(p.agentId, p.date))?.closed)) {
        await this.days.addCorrection(d, { reason: `排班改为 ${d.shift} / roster changed to ${d.shift}` }, by);
      }
      return { accepted: put.length + remove.length, unchanged, rejected: rejected.sort((a, b) => a.index - b.index) };
    });
  }
}
