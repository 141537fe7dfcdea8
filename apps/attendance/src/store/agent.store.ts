import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AgentRecord } from '../domain/agents/agent-record';
import { regionKey } from '../domain/agents/region-limit';
import { withinReach, type ReachFilter } from './reach';

export interface StoredAgent {
  record: AgentRecord;
  version: number;
}

export abstract class AgentStore {
  abstract find(agentIds: string[]): Promise<Map<string, StoredAgent>>;
  /** Active agents (role `agent`) of these teams, by `team|region`. */
  abstract regionMembers(teams: string[]): Promise<Map<string, Set<string>>>;
  abstract save(agents: StoredAgent[]): Promise<void>;
  /** Up to `take` agents after `after` by agentId, of a team, active or not, within `reach`. */
  abstract page(q: AgentPageQuery): Promise<StoredAgent[]>;
}

export interface AgentPageQuery {
  team?: string;
  active?: boolean;
  reach: ReachFilter;
  after?: string;
  take: number;
}

@Injectable()
export class PgAgentStore extends AgentStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async find(agentIds: string[]): Promise<Map<string, StoredAgent>> {
    if (agentIds.length === 0) return new Map();
    const rows: Array<{ record: AgentRecord; version: number }> = await this.scope
      .manager()
      .query(`SELECT record, version FROM attendance.agent WHERE agent_id = ANY($1::text[])`, [[...new Set(agentIds)]]);
    return new Map(rows.map((r) => [r.record.agentId, { record: r.record, version: r.version }]));
  }

  async regionMembers(teams: string[]): Promise<Map<string, Set<string>>> {
    const rows: Array<{ agent_id: string; team: string; region: string }> = await this.scope.manager().query(
      `SELECT agent_id, team, region FROM attendance.agent WHERE team = ANY($1::text[]) AND active AND role = 'agent'`,
      [[...new Set(teams)]],
    );
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      const k = regionKey(r);
      if (!out.has(k)) out.set(k, new Set());
      out.get(k)!.add(r.agent_id);
    }
    return out;
  }

  async save(agents: StoredAgent[]): Promise<void> {
    if (agents.length === 0) return;
    await this.scope.manager().query(
      `INSERT INTO attendance.agent (agent_id, record, team, region, role, active, level_effective_from, version, updated_at)
       SELECT a->'record'->>'agentId', a->'record', a->'record'->>'team', a->'record'->>'region', a->'record'->>'role',
              (a->'record'->>'active')::boolean, a->'record'->>'levelEffectiveFrom', (a->>'version')::int, now()
       FROM jsonb_array_elements($1::jsonb) AS a
       ON CONFLICT (agent_id) DO UPDATE SET record = EXCLUDED.record, team = EXCLUDED.team, region = EXCLUDED.region,
         role = EXCLUDED.role, active = EXCLUDED.active, level_effective_from = EXCLUDED.level_effective_from, version = EXCLUDED.version,
         updated_at = now()`,
      [JSON.stringify(agents)],
    );
  }

  async page(q: AgentPageQuery): Promise<StoredAgent[]> {
    return this.scope.manager().query(
      `SELECT record, version FROM attendance.agent
       WHERE ($1::text IS NULL OR team = $1) AND ($2::boolean IS NULL OR active = $2) AND ($3::text IS NULL OR agent_id > $3)
         AND ${withinReach('agent_id', 'team', 4, 5)}
       ORDER BY agent_id LIMIT $6`,
      [q.team ?? null, q.active ?? null, q.after ?? null, q.reach.teams, q.reach.self, q.take],
    );
  }
}
