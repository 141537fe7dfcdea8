import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { AcknowledgeConduct } from './acknowledge-conduct';
import { InboxItemView } from './inbox-item.view';
import { ConductAcknowledgedView, InboxReadView } from './inbox-receipt.view';
import { InboxQuery } from './inbox.query';
import { ReadInbox } from './read-inbox';

@ApiTags('inbox')
@Controller('v1/inbox')
export class InboxController {
  constructor(
    private readonly read: ReadInbox,
    private readonly acknowledge: AcknowledgeConduct,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox (an agent: their own; a supervisor: also their teams'), newest first, a page at a time, with the unread count" })
  @ApiPage('{ items: inbox items, nextCursor, unread: how many of all the caller\'s items are unread }', InboxItemView, { unread: { type: 'integer', minimum: 0 } })
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: InboxQuery): Promise<Page<InboxItemView> & { unread: number }> {
    return this.read.list(user, q);
  }

  @Get('unread-count')
  unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return this.read.unread(user);
  }

  @Post(':itemId/read')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReadView })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('itemId') itemId: string): Promise<InboxReadView> {
    return this.read.markRead(user, itemId);
  }

  @Post(':itemId/acknowledge')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'Sign a reward/penalty record: forwarded to qa-evaluation as notification.conduct.acknowledged' })
  @ApiOkResponse({ type: ConductAcknowledgedView })
  ack(@CurrentUser() user: AuthenticatedUser, @Param('itemId') itemId: string): Promise<ConductAcknowledgedView> {
    return this.acknowledge.execute(user, itemId);
  }
}
