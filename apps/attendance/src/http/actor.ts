import type { AuthenticatedUser } from '@app/auth';
import { attendanceError } from '../attendance.errors';

/** Whether the caller acts only as an agent (no other role that the route allows). */
export function actsAsAgentOnly(user: AuthenticatedUser): boolean {
  return user.roles.every((r) => r === 'agent');
}

/** An agent may act only for themself; other roles the route allows may act for anyone. */
export function assertSelf(user: AuthenticatedUser, agentId: string, path = 'agentId'): void {
  if (actsAsAgentOnly(user) && user.agentId !== agentId) {
    throw attendanceError('ATTENDANCE.NOT_YOUR_RECORD', 'Agents may only act on their own records / 坐席只能操作本人记录', [{ path, message: `not ${user.agentId ?? 'you'}` }]);
  }
}
