import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';
import type { Role } from '@app/contracts';

export interface AuthenticatedUser {
  sub: string;
  roles: Role[];
  agentId?: string;
  /** The roles the route admitted the caller by (its @Roles ∩ `roles`); set by the guard, absent on a route without @Roles. */
  actingRoles?: Role[];
}

/** The roles the caller acts with on this route: a supervisor who is also payroll acts as a supervisor where only supervisors may. */
export function actingRoles(user: AuthenticatedUser): Role[] {
  return user.actingRoles ?? user.roles;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});

/**
 * An agent sees only their own records; every other role allowed on the route sees anyone's.
 * Call it with the agent id a request is about.
 */
export function assertMayReadAgent(user: AuthenticatedUser, agentId: string): void {
  const privileged = user.roles.some((r) => r !== 'agent');
  if (privileged) return;
  if (user.agentId !== agentId) {
    throw new ForbiddenException({ code: 'AUTH.NOT_YOUR_RECORD', message: 'Agents may only see their own records / 坐席只能查看本人记录' });
  }
}
