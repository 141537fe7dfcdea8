import { Injectable } from '@nestjs/common';
import type { AgentUpsertedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';

export interface AgentRecord {
  agentId: string;
  name: string;
  team: string;
  role: string;
  supervisorId: string | null;
  email: string | null;
  language: 'zh-CN' | 'en';
  active: boolean;
}

/** This service's own copy of the people attendance knows (architecture.md: data ownership). */
export abstract class AgentDirectory {
  /** Keeps the highest version; returns false for an older or equal one. */
  abstract upsert(e: AgentUpsertedEvent): Promise<boolean>;
  abstract find(agentIds: string[]): Promise<Map<string, AgentRecord>>;
  /** The agent and their supervisor's record, in one read. */
  abstract findWithSupervisor(agentId: string): Promise<{ agent?: AgentRecord; supervisor?: AgentRecord }>;
  /** People with role supervisor in the team, and the supervisors named by the team's agents. */
  abstract supervisorsOfTeam(team: string): Promise<AgentRecord[]>;
  /** Teams a person supervises (by being named supervisor, or a supervisor record in the team). */
  abstract teamsSupervisedBy(personIds: string[]): Promise<string[]>;
  /** Agents whose named supervisor is one of these people. */
  abstract agentsSupervisedBy(personIds: string[]): Promise<string[]>;
  abstract knownTeams(): Promise<Set<string>>;
  abstract knownAgentIds(): Promise<Set<string>>;
}

interface Row {
  agent_id: string;
  name: string;
  team: string;
  role: string;
  supervisor_id: string | null;
  email: string | null;
  language: 'zh-CN' | 'en';
  active: boolean;
}

const toRecord = (r: Row): AgentRecord => ({
  agentId: r.agent_id, name: r.name, team: r.team, role: r.role, supervisorId: r.supervisor_id, email: r.email, language: r.language, active: r.active,
});

@Injectable()
export class PgAgentDirectory extends AgentDirectory {
  constructor(private readonly scope: TransactionScope) {
    super();
  }

  private q<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.scope.manager().query(sql, params);
  }

  async upsert(e: AgentUpsertedEvent): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO notification.agent_copy (agent_id, name, team, role, supervisor_id, email, language, active, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (agent_id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, role = EXCLUDED.role,
         supervisor_id = EXCLUDED.supervisor_id, email = EXCLUDED.email, language = EXCLUDED.language,
         active = EXCLUDED.active, version = EXCLUDED.version, updated_at = now()
       WHERE notification.agent_copy.version < EXCLUDED.version
       RETURNING agent_id`,
      [e.agentId, e.name, e.team, e.role, e.supervisorId, e.email, e.language === 'en' ? 'en' : 'zh-CN', e.active, e.version],
    );
    return rows.length > 0;
  }

  async find(agentIds: string[]): Promise<Map<string, AgentRecord>> {
    if (agentIds.length === 0) return new Map();
    const rows = await this.q<Row>(`SELECT * FROM notification.agent_copy WHERE agent_id = ANY($1)`, [agentIds]);
    return new Map(rows.map((r) => [r.agent_id, toRecord(r)]));
  }

  async findWithSupervisor(agentId: string): Promise<{ agent?: AgentRecord; supervisor?: AgentRecord }> {
    const rows = await this.q<Row>(
      `SELECT * FROM notification.agent_copy WHERE agent_id = $1 OR agent_id = (SELECT supervisor_id FROM notification.agent_copy WHERE agent_id = $1)`,
      [agentId],
    );
    const agent = rows.find((r) => r.agent_id === agentId);
    const supervisor = agent?.supervisor_id ? rows.find((r) => r.agent_id === agent.supervisor_id) : undefined;
    return { agent: agent && toRecord(agent), supervisor: supervisor && toRecord(supervisor) };
  }

  async supervisorsOfTeam(team: string): Promise<AgentRecord[]> {
    const rows = await this.q<Row>(
      `SELECT * FROM notification.agent_copy
       WHERE active AND ((role = 'supervisor' AND team = $1)
          OR agent_id IN (SELECT supervisor_id FROM notification.agent_copy WHERE team = $1 AND supervisor_id IS NOT NULL))
       ORDER BY agent_id`,
      [team],
    );
    return rows.map(toRecord);
  }

  async teamsSupervisedBy(personIds: string[]): Promise<string[]> {
    const rows = await this.q<{ team: string }>(
      `SELECT DISTINCT team FROM notification.agent_copy WHERE supervisor_id = ANY($1)
       UNION SELECT team FROM notification.agent_copy WHERE agent_id = ANY($1) AND role = 'supervisor'`,
      [personIds],
    );
    return rows.map((r) => r.team);
  }

  async agentsSupervisedBy(personIds: string[]): Promise<string[]> {
    const rows = await this.q<{ agent_id: string }>(`SELECT agent_id FROM notification.agent_copy WHERE supervisor_id = ANY($1)`, [personIds]);
    return rows.map((r) => r.agent_id);
  }

  async knownTeams(): Promise<Set<string>> {
    return new Set((await this.q<{ team: string }>(`SELECT DISTINCT team FROM notification.agent_copy`)).map((r) => r.team));
  }

  async knownAgentIds(): Promise<Set<string>> {
    return new Set((await this.q<{ agent_id: string }>(`SELECT agent_id FROM notification.agent_copy`)).map((r) => r.agent_id));
  }
}
