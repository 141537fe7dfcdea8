import { Injectable } from '@nestjs/common';
import { TeamScope, type AuthenticatedUser } from '@app/auth';
import { SUBJECTS, type ComplaintCategory, type ComplaintJudgedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { checkComplaintCategory } from '../domain/complaints/complaint-category';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { ComplaintStore, type Complaint } from '../store/complaint.store';
import type { JudgeComplaintCommand } from './judge-complaint.command';

/**
 * A complaint is judged valid or not with a category and a reason and attributed to an agent; each
 * judgement publishes `qa.complaint.judged` with a higher version. Only valid ones count.
 */
@Injectable()
export class JudgeComplaint {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ComplaintStore,
    private readonly outbox: OutboxWriter,
    private readonly teams: TeamScope,
  ) {}

  /**
   * `judge`: a supervisor, for complaints about their own teams' people — the agent it was registered against and
   * the agent it is attributed to must both be theirs (a complaint about nobody yet is anyone's to judge).
   */
  async execute(id: string, { valid, agentId, category, reason }: JudgeComplaintCommand, judge: AuthenticatedUser) {
    const by = judge.sub;
    const unknownCategory = checkComplaintCategory(category);
    if (unknownCategory) throw rejected([unknownCategory]);
    const judgedCategory = category as ComplaintCategory; // checked just above
    return this.scope.run(async () => {
      const c = await this.store.get(id, true);
      if (!c) throw QaErrors.complaintNotFound();
      await this.teams.assertReaches(judge, [c.agentId, agentId].filter((a): a is string => typeof a === 'string'));
      const next: Complaint = { ...c, valid, category: judgedCategory, reason, agentId: agentId ?? c.agentId, judgedBy: by, judgedAt: new Date(), version: c.version + 1 };
      if (next.valid && !next.agentId) throw refuse('QA.COMPLAINT_AGENT_REQUIRED', 'agentId', 'a valid complaint is attributed to an agent / 有效投诉须指明责任坐席');
      await this.store.judge(next);
      const event: ComplaintJudgedEvent = {
        eventId: `complaint-${id}-v${next.version}`, schemaVersion: 1, complaintId: id, agentId: next.agentId, valid: next.valid!, category: judgedCategory,
        receivedAt: next.receivedAt.toISOString(), ...(next.callId ? { callId: next.callId } : {}), version: next.version, judgedAt: next.judgedAt!.toISOString(),
      };
      await this.outbox.add({ subject: SUBJECTS.qa.complaintJudged, payload: event, messageId: event.eventId });
      return { complaintId: id, valid: next.valid, agentId: next.agentId, category: next.category, version: next.version };
    });
  }
}
