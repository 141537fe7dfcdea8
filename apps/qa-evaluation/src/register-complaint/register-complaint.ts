import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { TransactionScope } from '@app/persistence';
import { Fields } from '../domain/validation/fields';
import { rejected } from '../qa-evaluation.errors';
import { ComplaintStore, type Complaint } from '../store/complaint.store';

/** A complaint 投诉 is registered (who, when, what: rules.md §9); it counts only once judged valid. */
@Injectable()
export class RegisterComplaint {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ComplaintStore,
    private readonly teams: TeamScope,
  ) {}

  /** A complaint naming an agent is registered by hr-wide roles or by someone leading that agent's team. */
  async execute(body: unknown, actor: AuthenticatedUser): Promise<{ complaintId: string }> {
    const by = actor.sub;
    const f = new Fields(body);
    f.only(['receivedAt', 'channel', 'summary', 'callId', 'agentId']);
    const c: Complaint = {
      complaintId: randomUUID(), receivedAt: f.instant('receivedAt')!, channel: f.string('channel', { max: 100 })!, summary: f.string('summary', { max: 4000 })!,
      callId: f.string('callId', { optional: true, max: 200 }) ?? null, agentId: f.string('agentId', { optional: true, max: 100 }) ?? null, registeredBy: by,
      valid: null, category: null, reason: null, judgedBy: null, judgedAt: null, version: 0,
    };
    if (f.problems.length) throw rejected(f.problems);
    if (c.agentId !== null) await this.teams.assertReaches(actor, c.agentId);
    await this.scope.run(() => this.store.insert(c));
    return { complaintId: c.complaintId };
  }
}
