import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { NotificationErrors } from '../notification.errors';
import { InboxStore, type InboxItem } from '../store/inbox.store';
import { InboxViewers } from './inbox-viewer';

@Injectable()
export class ReadInbox {
  constructor(
    private readonly inbox: InboxStore,
    private readonly viewers: InboxViewers,
  ) {}

  async list(user: AuthenticatedUser, opts: { unreadOnly: boolean; limit: number }): Promise<{ items: InboxItem[]; unread: number }> {
    return this.inbox.visible(await this.viewers.of(user), opts);
  }

  async markRead(user: AuthenticatedUser, itemId: string): Promise<{ itemId: string; readAt: string }> {
    const item = await this.inbox.getVisible(itemId, await this.viewers.of(user));
    if (!item) throw NotificationErrors.inboxItemNotFound(itemId);
    return { itemId, readAt: await this.inbox.markRead(itemId) };
  }
}
