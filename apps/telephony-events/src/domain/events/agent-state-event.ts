/** Agent availability changes, kept for later adherence work (not part of call facts). */
export type AgentStateKind =
  | 'login'
  | 'logout'
  | 'pause'
  | 'unpause'
  | 'member.added'
  | 'member.removed';

export interface AgentStateEvent {
  /** Deterministic, so re-uploading the same source yields the same id. */
  eventId: string;
  agentId: string;
  kind: AgentStateKind;
  occurredAt: string;
  at: number;
  /** Absent when the change applies to every queue (PAUSEALL, logins). */
  queue?: string;
  /** Pause reason or logoff reason as the source wrote it. */
  reason?: string;
}
