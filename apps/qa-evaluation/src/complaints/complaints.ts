import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { SUBJECTS, type ComplaintJudgedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { agentFilterFor, assertOwnIfAgent } from '../access/agent-scope';
import { isPeriod, periodBounds } from '../domain/appraisal/appraisal-calendar';
import { Fields } from '../domain/validation/fields';
import { QaPolicyStore } from '../store/qa-policy.store';
import { QaErrors, refuse, rejected } from '../qa-evaluation.errors';
import { ComplaintStore, type Complaint } from '../store/complaint.store';

/**
 * Complaints 投诉 (rules.md §9): registered, judged valid or not with a category and attributed to
 * an agent; each judgement publishes `qa.complaint.judged` with a higher version. Only valid ones count.
 */
@Injectable()
export class Complaints {
  constructor(
    private readonly scope: TransactionScope,
    private readonly store: ComplaintStore,
    private readonly outbox: OutboxWriter,
    private readonly policy: QaPolicyStore,
  ) {}

  async register(body: unknown, by: string): Promise<{ complaintId: string }> {
    const f = new Fields(body);
    f.only(['receivedAt', 'channel', 'summary', 'callId', 'agentId']);
    const c: Complaint = {
      complaintId: randomUUID(), receivedAt: f.instant('receivedAt')!, channel: f.string('channel', { max: 100 })!, summary: f.string('summary', { max: 4000 })!,
      callId: f.string('callId', { optional: true, max: 200 }) ?? null, agentId: f.string('agentId', { optional: true, max: 100 }) ?? null, registeredBy: by,
      valid: null, category: null, reason: null, judgedBy: null, judgedAt: null, version: 0,
    };
    if (f.problems.length) throw rejected(f.problems);
    await this.scope.run(() => this.store.insert(c));
    return { complaintId: c.complaintId };
  }

  async judge(id: string, body: unknown, by: string) {
    const f = new Fields(body);
    f.only(['valid', 'agentId', 'category', 'reason']);
    const valid = f.boolean('valid');
    const agentId = f.string('agentId', { optional: true, max: 100 });
    const category = f.string('category', { max: 100 });
    const reason = f.string('reason', { max: 4000 });
    if (f.problems.length) throw rejected(f.problems);
    return this.scope.run(async () => {
      const c = await this.store.get(id, true);
      if (!c) throw QaErrors.complaintNotFound();
      const next: Complaint = { ...c, valid: valid!, category: category!, reason: reason!, agentId: agentId ?? c.agentId, judgedBy: by, judgedAt: new Date(), version: c.version + 1 };
      if (next.valid && !next.agentId) throw refuse('QA.COMPLAINT_AGENT_REQUIRED', 'agentId', 'a valid complaint is attributed to an agent / 有效投诉须指明责任坐席');
      await this.store.judge(next);
      const event: ComplaintJudgedEvent = {
        eventId: `complaint-${id}-v${next.version}`, schemaVersion: 1, complaintId: id, agentId: next.agentId, valid: next.valid!, category: next.category!,
        receivedAt: next.receivedAt.toISOString(), ...(next.callId ? { callId: next.callId } : {}), version: next.version, judgedAt: next.judgedAt!.toISOString(),
      };
      await this.outbox.add({ subject: SUBJECTS.qa.complaintJudged, payload: event, messageId: event.eventId });
      return { complaintId: id, valid: next.valid, agentId: next.agentId, category: next.category, version: next.version };
    });
  }

  async list(user: AuthenticatedUser, agentId?: string, period?: string) {
    return this.store.list({ agentId: agentFilterFor(user, agentId), ...(await this.window(period)) });
  }

  async get(user: AuthenticatedUser, id: string) {
    const c = await this.store.get(id);
    if (!c) throw QaErrors.complaintNotFound();
    assertOwnIfAgent(user, c.agentId);
    return c;
  }

  /** Judged complaints of a month by category; `valid` is what counts against agents. */
  async stats(period: string | undefined) {
    const w = await this.window(period);
    if (!w.from) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    return { period, categories: await this.store.stats(w.from, w.to!) };
  }

  private async window(period: string | undefined): Promise<{ from?: Date; to?: Date }> {
    if (period === undefined) return {};
    if (!isPeriod(period)) throw refuse('QA.REQUEST_INVALID', 'period', 'a month yyyy-mm / 须为 yyyy-mm');
    const b = periodBounds(period, (await this.policy.current()).timeZone);
    return { from: b.start.toJSDate(), to: b.end.toJSDate() };
  }
}
