import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@app/auth';
import { cursorKey, limitOf, mapPage, pageOf, type Page } from '@app/platform';
import { NotificationErrors } from '../notification.errors';
import { InboxStore, type InboxItem } from '../store/inbox.store';
import { InboxViewers } from './inbox-viewer';
import type { InboxQuery } from './inbox.query';

@Injectable()
export class ReadInbox {
  constructor(
    private readonly inbox: InboxStore,
    private readonly viewers: InboxViewers,
  ) {}

  /** A page of the caller's inbox, newest first, with how many of all their items are unread. */
  async list(user: AuthenticatedUser, q: InboxQuery): Promise<Page<InboxItem> & { unread: number }> {
    const limit = limitOf(q);
    const key = cursorKey(q, ['int', 'string']) as [number, string] | undefined;
    const viewer = await this.viewers.of(user);
    const rows = await this.inbox.visible(viewer, { unreadOnly: q.unread === 'true', after: key && { createdUs: key[0], itemId: key[1] }, take: limit + 1 });
    const page = mapPage(pageOf(rows, limit, (r) => [r.createdUs, r.item.itemId]), (r) => r.item);
    return { ...page, unread: await this.inbox.unreadCount(viewer) };
  }

  async unread(user: AuthenticatedUser): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(await this.viewers.of(user)) };
  }

  async markRead(user: AuthenticatedUser, itemId: string): Promise<{ itemId: string; readAt: string }> {
    const item = await this.inbox.getVisible(itemId, await this.viewers.of(user));
    if (!item) throw NotificationErrors.inboxItemNotFound(itemId);
    return { itemId, readAt: await this.inbox.markRead(itemId) };
  }
}
