import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { DERIVATION_FAILURES } from '../openapi/answers.schema';
import { DerivationFailuresQuery, ListDerivationFailures, type DerivationFailuresPage } from './list-derivation-failures';
import { RetryDerivation } from './retry-derivation';

/** Calls set aside because their derivation kept failing: listed for an administrator, retried on demand. */
@ApiTags('calls')
@Controller('v1/derivation-failures')
export class DerivationFailuresController {
  constructor(
    private readonly listFailures: ListDerivationFailures,
    private readonly retryDerivation: RetryDerivation,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Calls set aside after their derivation failed repeatedly, longest set aside first, with their last error; a page (`limit`, `cursor`) and the total' })
  @ApiOkResponse({ schema: DERIVATION_FAILURES })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() q: DerivationFailuresQuery): Promise<DerivationFailuresPage> {
    return this.listFailures.execute(q);
  }

  @Post(':callId/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Give a set-aside call a fresh round of derivation attempts (e.g. after a fix is deployed)' })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { callId: { type: 'string' }, retrying: { type: 'boolean' } }, required: ['callId', 'retrying'] } })
  @ApiErrorResponses(401, 403, 404)
  retry(@Param('callId') callId: string): Promise<{ callId: string; retrying: true }> {
    return this.retryDerivation.execute(callId);
  }
}
