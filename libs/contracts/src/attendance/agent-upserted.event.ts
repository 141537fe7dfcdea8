/** Regions of HANDBOOK (rules.md §1), stored by code; labels live with the service that shows them. */
export const REGIONS = ['east', 'south', 'southwest', 'central', 'northeast', 'northwest', 'north'] as const;
export type Region = (typeof REGIONS)[number];

export const AGENT_ROLES = ['agent', 'shift-lead', 'qa', 'supervisor'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export const LEVELS = ['trainee', 'regular', 'one-star', 'two-star'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * `attendance.agent.upserted`: the agent record as attendance now holds it, re-published with a
 * higher `version` on every change. Consumers (scoring, notification) keep the highest version.
 */
export interface AgentUpsertedEvent {
  eventId: string;
  schemaVersion: 1;
  agentId: string;
  name: string;
  team: string;
  region: Region;
  role: AgentRole;
  /** Local date yyyy-mm-dd. */
  hireDate: string;
  supervisorId: string | null;
  /** The level set by HR (a new agent's starting level: `trainee` unless the record gives one). */
  level: Level;
  /**
   * The month (`yyyy-mm`, policy time zone) from which `level` holds: scoring pays that month and later ones at it
   * and chains its level decisions from it; closed months are never reopened. Absent on events from before it existed.
   */
  levelEffectiveFrom?: string;
  active: boolean;
  email: string | null;
  /** The language the person reads messages in. */
  language: 'zh-CN' | 'en';
  version: number;
  updatedAt: string;
}
