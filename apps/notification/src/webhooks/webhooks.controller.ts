import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import { ManageWebhooks, type WebhookView } from './manage-webhooks';
import { WebhookCommand } from './webhook.command';
import { WebhookItemView } from './webhook.view';

@ApiTags('webhooks')
@Controller('v1/webhooks')
@Roles('admin')
export class WebhooksController {
  constructor(private readonly manage: ManageWebhooks) {}

  @Get()
  @ApiOperation({ summary: 'The registered endpoints, oldest first, a page at a time (secrets shown as their last characters only)' })
  @ApiPage('{ items: webhooks, nextCursor }', WebhookItemView)
  list(@Query() q: PageQuery): Promise<Page<WebhookItemView>> {
    return this.manage.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint: alerts of the listed kinds are POSTed to it, signed with the secret' })
  register(@Body() command: WebhookCommand): Promise<WebhookView> {
    return this.manage.register(command);
  }

  @Get(':webhookId')
  get(@Param('webhookId') webhookId: string): Promise<WebhookView> {
    return this.manage.get(webhookId);
  }

  @Put(':webhookId')
  replace(@Param('webhookId') webhookId: string, @Body() command: WebhookCommand): Promise<WebhookView> {
    return this.manage.replace(webhookId, command);
  }

  @Post(':webhookId/resend-failed')
  @HttpCode(202)
  @ApiOperation({ summary: "Send every failed delivery of the endpoint again (and close its circuit)" })
  resendFailed(@Param('webhookId') webhookId: string): Promise<{ resent: number }> {
    return this.manage.resendFailed(webhookId);
  }
}
