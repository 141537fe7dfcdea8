import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Roles } from '@app/auth';
import type { CallSummarizedEvent } from '@app/contracts';
import { TransactionScope } from '@app/persistence';
import { textProblem } from '../domain/call-event-limits';
import type { ParsedCallEvent } from '../domain/call-event';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallEventStore } from '../store/call-event.store';
import { CallFactsStore } from '../store/call-facts.store';
import { DerivationSignal } from '../store/derivation-signal';
import { toSummarizedEvent } from '../summarize/to-summarized-event';
import { TelephonyErrors } from '../telephony.errors';

class RederiveWindow {
  @IsISO8601({ strict: true }) from: string;
  @IsISO8601({ strict: true }) to: string;
}

/** One call's facts with the raw events they came from: every figure traceable to its inputs. */
@ApiTags('calls')
@Controller('v1/calls')
export class CallsController {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly events: CallEventStore,
    private readonly dirty: CallDirtyQueue,
    private readonly scope: TransactionScope,
    private readonly signal: DerivationSignal,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  @Get(':callId')
  @Roles('supervisor', 'qa', 'admin')
  @ApiOperation({ summary: "A call's current facts (as published) and its raw events" })
  async get(@Param('callId') callId: string): Promise<{ facts: CallSummarizedEvent; events: ParsedCallEvent[] }> {
    const { values } = await this.policy.current();
    const problem = textProblem(callId, 'callId', values.idMaxLength);
    if (problem) throw TelephonyErrors.badCallId(problem.message);
    const stored = await this.facts.get(callId);
    if (!stored) throw TelephonyErrors.callNotFound(callId);
    const events = (await this.events.eventsOfCalls([callId])).get(callId) ?? [];
    events.sort((a, b) => a.at - b.at || a.eventId.localeCompare(b.eventId));
    return { facts: toSummarizedEvent(stored.facts, stored.version, stored.policyVersion), events };
  }

  /** Replays stored events (e.g. after a policy change); unchanged facts publish nothing. */
  @Post('rederive')
  @HttpCode(202)
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Re-derive every call with events in [from, to)' })
  async rederive(@Body() window: RederiveWindow): Promise<{ calls: number }> {
    const from = new Date(window.from);
    const to = new Date(window.to);
    if (!(to > from)) throw TelephonyErrors.badWindow();
    const calls = await this.scope.run(() => this.dirty.markAll(from, to));
    this.signal.notify();
    return { calls };
  }
}
