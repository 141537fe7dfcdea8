import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { ApiErrorResponses } from '@app/platform';
import { DERIVATION_FAILURES } from '../openapi/answers.schema';
import { TransactionScope } from '@app/persistence';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { DerivationFailures, type DerivationFailure } from '../store/derivation-failures';
import { DerivationSignal } from '../store/derivation-signal';
import { TelephonyErrors } from '../telephony.errors';

/** Calls set aside because their derivation kept failing: listed for an administrator, retried on demand. */
@ApiTags('calls')
@Controller('v1/derivation-failures')
export class DerivationFailuresController {
  constructor(
    private readonly failures: DerivationFailures,
    private readonly dirty: CallDirtyQueue,
    private readonly scope: TransactionScope,
    private readonly signal: DerivationSignal,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Calls set aside after their derivation failed repeatedly (total, and the first 100 with their last error)' })
  @ApiOkResponse({ schema: DERIVATION_FAILURES })
  @ApiErrorResponses(401, 403)
  async list(): Promise<{ total: number; calls: DerivationFailure[] }> {
    const { values } = await this.policy.current();
    return this.scope.run(() => this.failures.list(values.problemsListed));
  }

  @Post(':callId/retry')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Give a set-aside call a fresh round of derivation attempts (e.g. after a fix is deployed)' })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { callId: { type: 'string' }, retrying: { type: 'boolean' } }, required: ['callId', 'retrying'] } })
  @ApiErrorResponses(401, 403, 404)
  async retry(@Param('callId') callId: string): Promise<{ callId: string; retrying: true }> {
    const released = await this.scope.run(async () => {
      const ok = await this.failures.release(callId);
      if (ok) await this.dirty.mark([callId]);
      return ok;
    });
    if (!released) throw TelephonyErrors.notSetAside(callId);
    this.signal.notify();
    return { callId, retrying: true };
  }
}
