import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { ComplaintStore, type Complaint } from '../store/complaint.store';
import type { RegisterComplaintCommand } from './register-complaint.command';

/** A complaint 投诉 is registered (who, when, what: rules.md §9); it counts only once judged valid. */
@Injectable()
export class RegisterComplaint {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ComplaintStore,
    private readonly teams: TeamScope,
  ) {}

  /** A complaint naming an agent is registered by hr-wide roles or by someone leading that agent's team. */
  async execute(cmd: RegisterComplaintCommand, actor: AuthenticatedUser): Promise<{ complaintId: string }> {
    const c: Complaint = {
      complaintId: randomUUID(), receivedAt: new Date(cmd.receivedAt), channel: cmd.channel, summary: cmd.summary,
      callId: cmd.callId ?? null, agentId: cmd.agentId ?? null, registeredBy: actor.sub,
      valid: null, category: null, reason: null, judgedBy: null, judgedAt: null, version: 0,
    };
    if (c.agentId !== null) await this.teams.assertReaches(actor, c.agentId);
    await this.scope.run(() => this.store.insert(c));
    return { complaintId: c.complaintId };
  }
}
