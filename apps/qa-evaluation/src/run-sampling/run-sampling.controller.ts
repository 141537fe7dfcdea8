import { Body, Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { RunSampling } from './run-sampling';
import { RunSamplingCommand } from './run-sampling.command';

@ApiTags('sampling')
@Controller('v1/sampling/runs')
export class RunSamplingController {
  constructor(private readonly run: RunSampling) {}

  @Post()
  @Roles('qa', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Sample a month: N calls per active agent over weeks and evaluators (tops up on a re-run)' })
  post(@Body() body: RunSamplingCommand) {
    return this.run.execute(body);
  }
}
