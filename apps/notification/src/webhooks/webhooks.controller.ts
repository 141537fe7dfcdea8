import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import { ManageWebhooks, type WebhookView } from './manage-webhooks';

const WEBHOOK_SCHEMA = {
  type: 'object',
  required: ['url', 'secret', 'kinds'],
  properties: {
    webhookId: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    secret: { type: 'string', minLength: 16 },
    kinds: { type: 'array', items: { type: 'string' }, example: ['call.*'] },
    enabled: { type: 'boolean' },
  },
};

@ApiTags('webhooks')
@Controller('v1/webhooks')
@Roles('admin')
export class WebhooksController {
  constructor(private readonly manage: ManageWebhooks) {}

  @Get()
  @ApiOperation({ summary: 'The registered endpoints, oldest first, a page at a time (secrets shown as their last characters only)' })
  @ApiPage('{ items: webhooks, nextCursor }')
  list(@Query() q: PageQuery): Promise<Page<WebhookView>> {
    return this.manage.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint: alerts of the listed kinds are POSTed to it, signed with the secret' })
  @ApiBody({ schema: WEBHOOK_SCHEMA })
  register(@Body() body: unknown): Promise<WebhookView> {
    return this.manage.register(body);
  }

  @Get(':webhookId')
  get(@Param('webhookId') webhookId: string): Promise<WebhookView> {
    return this.manage.get(webhookId);
  }

  @Put(':webhookId')
  @ApiBody({ schema: WEBHOOK_SCHEMA })
  replace(@Param('webhookId') webhookId: string, @Body() body: unknown): Promise<WebhookView> {
    return this.manage.replace(webhookId, body);
  }

  @Post(':webhookId/resend-failed')
  @HttpCode(202)
  @ApiOperation({ summary: "Send every failed delivery of the endpoint again (and close its circuit)" })
  resendFailed(@Param('webhookId') webhookId: string): Promise<{ resent: number }> {
    return this.manage.resendFailed(webhookId);
  }
}
