import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { SUBJECTS, type ConductAcknowledgedEvent } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { TransactionScope } from '@app/persistence';
import { NotificationErrors } from '../notification.errors';
import { InboxStore } from '../store/inbox.store';
import { InboxViewers } from './inbox-viewer';

/** Alert kinds that carry a reward/penalty record the agent signs (rules.md §9). */
const CONDUCT_KIND = /^qa\.conduct/;

/**
 * The agent signs a reward/penalty record from their inbox: the signature goes to qa-evaluation as
 * `notification.conduct.acknowledged`, written to the outbox with the inbox change. The event id
 * comes from the record, so signing twice (or from two items) publishes it once.
 */
@Injectable()
export class AcknowledgeConduct {
  constructor(
    private readonly scope: TransactionScope,
    private readonly inbox: InboxStore,
    private readonly viewers: InboxViewers,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(user: AuthenticatedUser, itemId: string, now = new Date()): Promise<{ itemId: string; recordId: string; acknowledgedAt: string }> {
    const item = await this.inbox.getVisible(itemId, await this.viewers.of(user));
    if (!item) throw NotificationErrors.inboxItemNotFound(itemId);
    const recordId = item.facts.recordId;
    if (!CONDUCT_KIND.test(item.kind) || typeof recordId !== 'string') throw NotificationErrors.notAcknowledgeable(itemId, 'not a reward/penalty record');
    if (!item.agentId || item.agentId !== user.agentId) throw NotificationErrors.notAcknowledgeable(itemId, 'only the agent the record is about signs it');
    return this.scope.run(async () => {
      const acknowledgedAt = await this.inbox.acknowledge(itemId, now);
      const event: ConductAcknowledgedEvent = { eventId: `conduct-ack-${recordId}`, schemaVersion: 1, recordId, agentId: item.agentId!, acknowledgedAt };
      await this.outbox.add({ subject: SUBJECTS.notification.conductAcknowledged, payload: event, messageId: event.eventId });
      return { itemId, recordId, acknowledgedAt };
    });
  }
}
