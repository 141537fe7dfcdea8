import { Injectable } from '@nestjs/common';
import { SUBJECTS, type AgentUpsertedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { unknownAgent } from '../attendance.errors';
import { REGION_LABELS, resolveAgent, sameAgent, type AgentInput } from '../domain/agents/agent-record';
import { placeInRegion, regionOverflow } from '../domain/agents/region-limit';
import { atIndex, type RejectedItem } from '../domain/input/item-errors';
import { localDateOf, periodOf } from '../domain/days/local-time';
import { checkItems } from '../http/request-items';
import { AttendancePolicyStore } from '../policy/attendance-policy.store';
import { AgentStore, type StoredAgent } from '../store/agent.store';
import { BusinessLocks } from '../store/business-locks';
import { agentInputOf, UpsertAgentCommand } from './upsert-agent.command';

export interface UpsertAgentsResult {
  accepted: number;
  unchanged: number;
  rejected: RejectedItem[];
  agents: Array<{ agentId: string; version: number }>;
}

export interface AgentItems {
  items: unknown[];
  /** Where an item sits in the request: `agents` (JSON array), `rows` (CSV), null for one object. */
  collection: string | null;
  /** CSV line of each item (header = line 1), for the per-row report. */
  lines?: number[];
  preRejected?: RejectedItem[];
}

export const agentUpsertedEventId = (agentId: string, version: number) => `agent-${agentId}-v${version}`;

/**
 * Upserts agents by agentId in one transaction: each valid item is stored (a new version when it
 * changed) with its `attendance.agent.upserted` in the outbox; an invalid one, or one that would
 * put more than the policy's agents in a region of a team, is reported by index and row. An item
 * without `level` creates a trainee or keeps the level held; `levelEffectiveFrom` defaults to the
 * current month of the policy's time zone when the level is set or changed (resolveAgent).
 */
@Injectable()
export class UpsertAgents {
  constructor(
    private readonly scope: TransactionScope,
    private readonly agents: AgentStore,
    private readonly policy: AttendancePolicyStore,
    private readonly outbox: OutboxWriter,
    private readonly locks: BusinessLocks,
  ) {}

  /** Deactivation is an upsert of the same record with `active: false` (kept, published as a new version). */
  async deactivate(agentId: string): Promise<UpsertAgentsResult> {
    const a = (await this.agents.find([agentId])).get(agentId);
    if (!a) throw unknownAgent(agentId);
    return this.execute({ items: [{ ...a.record, active: false }], collection: null });
  }

  async execute(req: AgentItems): Promise<UpsertAgentsResult> {
    const checked = checkItems(UpsertAgentCommand, req.items, req.collection, new Set((req.preRejected ?? []).map((r) => r.index)), req.lines);
    const rejected: RejectedItem[] = [...(req.preRejected ?? []), ...checked.rejected];
    const parsed: Array<{ index: number; input: AgentInput }> = checked.accepted.map(({ index, value }) => ({ index, input: agentInputOf(value) }));
    const reject = (index: number, code: string, errors: RejectedItem['errors'], id?: string) =>
      rejected.push({ index, ...(req.lines ? { row: req.lines[index] } : {}), ...(id ? { id } : {}), code, errors: atIndex(errors, req.collection, index) });
    const result = await this.scope.run(async () => {
      await this.locks.lock(parsed.map((p) => `team:${p.input.team}`));
      const policy = (await this.policy.current()).values;
      const max = policy.maxAgentsPerRegionPerTeam;
      const currentMonth = periodOf(localDateOf(Date.now(), policy.timeZone));
      const known = await this.agents.find(parsed.map((p) => p.input.agentId));
      const members = await this.agents.regionMembers(parsed.map((p) => p.input.team));
      const changed: StoredAgent[] = [];
      let unchanged = 0;
      for (const { index, input } of parsed) {
        const prev = known.get(input.agentId);
        const agent = resolveAgent(input, prev?.record, currentMonth);
        if (prev && sameAgent(prev.record, agent)) {
          unchanged++;
          continue;
        }
        const already = regionOverflow(agent, members, max);
        if (already !== null) {
          const message = `Team ${agent.team} already has ${already} agents in ${REGION_LABELS[agent.region]}, at most ${max} / 每个区域最多 ${max} 名坐席`;
          reject(index, 'ATTENDANCE.REGION_FULL', [{ path: 'region', message }], agent.agentId);
          continue;
        }
        placeInRegion(members, agent);
        const next = { record: agent, version: (prev?.version ?? 0) + 1 };
        known.set(agent.agentId, next);
        changed.push(next);
      }
      const latest = [...new Map(changed.map((c) => [c.record.agentId, c])).values()];
      await this.agents.save(latest);
      const now = new Date().toISOString();
      await this.outbox.add(...latest.map((c) => ({ subject: SUBJECTS.attendance.agentUpserted, payload: toEvent(c, now), messageId: agentUpsertedEventId(c.record.agentId, c.version) })));
      return { accepted: changed.length, unchanged, agents: latest.map((c) => ({ agentId: c.record.agentId, version: c.version })) };
    });
    return { ...result, rejected: rejected.sort((a, b) => a.index - b.index) };
  }
}

function toEvent({ record, version }: StoredAgent, updatedAt: string): AgentUpsertedEvent {
  return { eventId: agentUpsertedEventId(record.agentId, version), schemaVersion: 1, ...record, version, updatedAt };
}
