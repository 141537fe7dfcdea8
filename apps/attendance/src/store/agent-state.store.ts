import { Injectable } from '@nestjs/common';
import { TransactionScope } from '@app/persistence';
import type { AgentStateChange } from '../domain/days/adherence';

export abstract class AgentStateStore {
  abstract append(s: { eventId: string; agentId: string; kind: string; at: number }): Promise<void>;
  abstract between(agentIds: string[] | null, from: number, to: number): Promise<Map<string, AgentStateChange[]>>;
}

@Injectable()
export class PgAgentStateStore extends AgentStateStore {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  async append(s: { eventId: string; agentId: string; kind: string; at: number }): Promise<void> {
    await this.scope.manager().query(
      `INSERT INTO attendance.agent_state (event_id, agent_id, kind, at) VALUES ($1, $2, $3, to_timestamp($4::double precision / 1000)) ON CONFLICT DO NOTHING`,
      [s.eventId, s.agentId, s.kind, s.at],
    );
  }

  async between(agentIds: string[] | null, from: number, to: number): Promise<Map<string, AgentStateChange[]>> {
    const rows: Array<{ agent_id: string; kind: string; at: string }> = await this.scope.manager().query(
      `SELECT agent_id, kind, (extract(epoch from at) * 1000)::bigint::text AS at FROM attendance.agent_state
       WHERE ($1::text[] IS NULL OR agent_id = ANY($1::text[])) AND at BETWEEN to_timestamp($2::double precision / 1000) AND to_timestamp($3::double precision / 1000)
       ORDER BY at`,
      [agentIds, from, to],
    );
    const out = new Map<string, AgentStateChange[]>();
    for (const r of rows) {
      if (!out.has(r.agent_id)) out.set(r.agent_id, []);
      out.get(r.agent_id)!.push({ kind: r.kind, at: Number(r.at) });
    }
    return out;
  }
}
