import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses, ApiPage, PageQuery, type Page } from '@app/platform';
import { ActivatePolicy } from './activate-policy';
import { CreatePolicy } from './create-policy';
import { ListPolicies } from './list-policies';
import { PolicyView } from './policy.view';

@ApiTags('policies')
@Controller('v1/policies')
export class PoliciesController {
  constructor(
    private readonly listPolicies: ListPolicies,
    private readonly create: CreatePolicy,
    private readonly activate: ActivatePolicy,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'manager', 'hr')
  @ApiOperation({ summary: 'A page of policy versions by name and version, `limit` (default 100, at most 1,000) after `cursor`; `active` marks the one in force' })
  @ApiPage('Policy versions / 政策版本', PolicyView)
  @ApiErrorResponses(400, 401, 403)
  list(@Query() q: PageQuery): Promise<Page<PolicyView>> {
    return this.listPolicies.execute(q);
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'A new version of a named policy (the full document), validated; errors name the field' })
  @ApiCreatedResponse({ type: PolicyView })
  createPolicy(@Body() document: Record<string, unknown>): Promise<PolicyView> {
    return this.create.execute(document);
  }

  @Post(':policyVersion/activate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Put a policy version in force; publishes scoring.policy.activated' })
  @ApiOkResponse({ type: PolicyView })
  activatePolicy(@Param('policyVersion') policyVersion: string): Promise<PolicyView> {
    return this.activate.execute(policyVersion);
  }
}
