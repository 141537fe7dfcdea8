import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { RunSampling } from './run-sampling';

@ApiTags('sampling')
@Controller('v1/sampling/runs')
export class RunSamplingController {
  constructor(private readonly run: RunSampling) {}

  @Post()
  @Roles('qa', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Sample a month: N calls per active agent over weeks and evaluators (tops up on a re-run)' })
  @ApiBody({ schema: { type: 'object', required: ['period'], properties: { period: { type: 'string' }, evaluatorIds: { type: 'array', items: { type: 'string' } }, perAgent: { type: 'integer' }, targeting: { type: 'boolean' } } } })
  post(@Body() body: unknown) {
    return this.run.execute(body);
  }
}
