import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { NotificationErrors } from '../notification.errors';
import { AcknowledgeConduct } from './acknowledge-conduct';
import { ReadInbox } from './read-inbox';

const MAX_LIMIT = 500;

@ApiTags('inbox')
@Controller('v1/inbox')
export class InboxController {
  constructor(
    private readonly read: ReadInbox,
    private readonly acknowledge: AcknowledgeConduct,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox (an agent: their own; a supervisor: also their teams'), newest first, with the unread count" })
  @ApiQuery({ name: 'unread', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'limit', required: false })
  list(@CurrentUser() user: AuthenticatedUser, @Query('unread') unread?: string, @Query('limit') limit?: string) {
    const n = limit === undefined ? 100 : Number(limit);
    const details = [];
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) details.push({ path: 'limit', message: `an integer from 1 to ${MAX_LIMIT}` });
    if (unread !== undefined && unread !== 'true' && unread !== 'false') details.push({ path: 'unread', message: 'true or false' });
    if (details.length) throw NotificationErrors.invalidRequest(details);
    return this.read.list(user, { unreadOnly: unread === 'true', limit: n });
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return { unread: (await this.read.list(user, { unreadOnly: true, limit: 1 })).unread };
  }

  @Post(':itemId/read')
  @HttpCode(200)
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('itemId') itemId: string) {
    return this.read.markRead(user, itemId);
  }

  @Post(':itemId/acknowledge')
  @HttpCode(200)
  @Roles('agent')
  @ApiOperation({ summary: 'Sign a reward/penalty record: forwarded to qa-evaluation as notification.conduct.acknowledged' })
  ack(@CurrentUser() user: AuthenticatedUser, @Param('itemId') itemId: string) {
    return this.acknowledge.execute(user, itemId);
  }
}
