import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { AgentDirectory } from '../store/agent-directory';
import type { InboxViewer } from '../store/inbox.store';

/**
 * What a caller's inbox holds: items for them by id (login subject or agent id) and for their
 * roles; a supervisor also sees their teams' items and those of the agents they supervise; an
 * admin sees every role's shared items (the technical centre has no login role of its own).
 */
@Injectable()
export class InboxViewers {
  constructor(private readonly directory: AgentDirectory) {}

  async of(user: AuthenticatedUser): Promise<InboxViewer> {
    const personIds = [...new Set([user.sub, ...(user.agentId ? [user.agentId] : [])])];
    const supervisor = user.roles.includes('supervisor');
    return {
      personIds,
      roles: [...user.roles],
      teams: supervisor ? await this.directory.teamsSupervisedBy(personIds) : [],
      supervisedIds: supervisor ? await this.directory.agentsSupervisedBy(personIds) : [],
      allRoleItems: user.roles.includes('admin'),
    };
  }
}
