import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { PolicyStore, type StoredPolicy } from '../store/policy.store';
import { ActivatePolicy } from './activate-policy';
import { CreatePolicy } from './create-policy';

@ApiTags('policies')
@Controller('v1/policies')
export class PoliciesController {
  constructor(
    private readonly policies: PolicyStore,
    private readonly create: CreatePolicy,
    private readonly activate: ActivatePolicy,
  ) {}

  @Get()
  @Roles('admin', 'supervisor', 'manager', 'hr')
  @ApiOperation({ summary: 'Every policy version; `active` marks the one in force' })
  async list(): Promise<{ policies: StoredPolicy[] }> {
    return { policies: await this.policies.list() };
  }

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'A new version of a named policy (the full document), validated; errors name the field' })
  createPolicy(@Body() document: Record<string, unknown>): Promise<StoredPolicy> {
    return this.create.execute(document);
  }

  @Post(':policyVersion/activate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Put a policy version in force; publishes scoring.policy.activated' })
  activatePolicy(@Param('policyVersion') policyVersion: string): Promise<StoredPolicy> {
    return this.activate.execute(policyVersion);
  }
}
