import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '@app/auth';
import { ApiPage, PageQuery, type Page } from '@app/platform';
import type { StoredRoutingRule } from '../store/routing-rule.store';
import { ManageRoutingRules } from './manage-routing-rules';
import { RoutingRuleCommand } from './routing-rule.command';
import { RoutingRuleView } from './routing-rule.view';

@ApiTags('routing rules')
@Controller('v1/routing-rules')
@Roles('admin')
export class RoutingRulesController {
  constructor(private readonly manage: ManageRoutingRules) {}

  @Get()
  @ApiOperation({ summary: 'The routing rules, the seeded defaults included, fallback rules last, a page at a time' })
  @ApiPage('{ items: routing rules, nextCursor }', RoutingRuleView)
  list(@Query() q: PageQuery): Promise<Page<RoutingRuleView>> {
    return this.manage.list(q);
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule (or replace the one with the same ruleId)' })
  async create(@Body() command: RoutingRuleCommand, @Res({ passthrough: true }) res: Response): Promise<StoredRoutingRule> {
    const { rule, created } = await this.manage.save(command);
    res.status(created ? 201 : 200);
    return rule;
  }

  @Get(':ruleId')
  get(@Param('ruleId') ruleId: string): Promise<StoredRoutingRule> {
    return this.manage.get(ruleId);
  }

  @Put(':ruleId')
  async replace(@Param('ruleId') ruleId: string, @Body() command: RoutingRuleCommand): Promise<StoredRoutingRule> {
    return (await this.manage.save(command, ruleId)).rule;
  }

  @Delete(':ruleId')
  @HttpCode(204)
  remove(@Param('ruleId') ruleId: string): Promise<void> {
    return this.manage.remove(ruleId);
  }
}
