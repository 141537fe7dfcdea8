import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import type { StoredRoutingRule } from '../store/routing-rule.store';
import { ManageRoutingRules } from './manage-routing-rules';

const RULE_SCHEMA = {
  type: 'object',
  required: ['name'],
  properties: {
    ruleId: { type: 'string' },
    name: { type: 'string' },
    match: { type: 'object', properties: { kinds: { type: 'array', items: { type: 'string' } }, severities: { type: 'array', items: { type: 'string', enum: ['info', 'warning', 'critical'] } }, teams: { type: 'array', items: { type: 'string' } }, agentIds: { type: 'array', items: { type: 'string' } } } },
    roles: { type: 'array', items: { type: 'string', enum: ['agent', 'supervisor', 'team-supervisors', 'hr', 'admin', 'tech'] } },
    recipients: { type: 'array', items: { type: 'object', properties: { userId: { type: 'string' }, email: { type: 'string' }, language: { type: 'string', enum: ['zh-CN', 'en'] } } } },
    webhookIds: { type: 'array', items: { type: 'string' } },
    channels: { type: 'array', items: { type: 'string', enum: ['inbox', 'email'] } },
    fallback: { type: 'boolean' },
    enabled: { type: 'boolean' },
  },
};

@ApiTags('routing rules')
@Controller('v1/routing-rules')
@Roles('admin')
export class RoutingRulesController {
  constructor(private readonly manage: ManageRoutingRules) {}

  @Get()
  @ApiOperation({ summary: 'The routing rules, the seeded defaults included, fallback rules last, a page at a time' })
  @ApiPage('{ items: routing rules, nextCursor }')
  list(@Query() q: PageQuery): Promise<Page<StoredRoutingRule>> {
    return this.manage.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule (or replace the one with the same ruleId)' })
  @ApiBody({ schema: RULE_SCHEMA })
  async create(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<StoredRoutingRule> {
    const { rule, created } = await this.manage.save(body);
    res.status(created ? 201 : 200);
    return rule;
  }

  @Get(':ruleId')
  get(@Param('ruleId') ruleId: string): Promise<StoredRoutingRule> {
    return this.manage.get(ruleId);
  }

  @Put(':ruleId')
  @ApiBody({ schema: RULE_SCHEMA })
  async replace(@Param('ruleId') ruleId: string, @Body() body: unknown): Promise<StoredRoutingRule> {
    return (await this.manage.save(body, ruleId)).rule;
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('ruleId') ruleId: string): Promise<void> {
    return this.manage.remove(ruleId);
  }
}
