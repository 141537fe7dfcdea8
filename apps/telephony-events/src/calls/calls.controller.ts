import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Roles } from '@app/auth';
import type { CallSummarizedEvent } from '@app/contracts';
import { NotFoundError, DomainError } from '@app/platform';
import { TransactionScope } from '@app/persistence';
import type { ParsedCallEvent } from '../domain/call-event';
import { CallDirtyQueue } from '../store/call-dirty.queue';
import { CallEventStore } from '../store/call-event.store';
import { CallFactsStore } from '../store/call-facts.store';
import { CallSummarizer } from '../summarize/call-summarizer';
import { toSummarizedEvent } from '../summarize/to-summarized-event';

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
    private readonly summarizer: CallSummarizer,
  ) {}

  @Get(':callId')
  @Roles('supervisor', 'qa', 'admin')
  @ApiOperation({ summary: "A call's current facts (as published) and its raw events" })
  async get(@Param('callId') callId: string): Promise<{ facts: CallSummarizedEvent; events: ParsedCallEvent[] }> {
    const stored = await this.facts.get(callId);
    if (!stored) throw new NotFoundError('TELEPHONY.CALL_NOT_FOUND', `No call ${callId} / 未找到通话 ${callId}`);
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
    if (!(to > from)) throw new DomainError('TELEPHONY.BAD_WINDOW', 'to must be after from / 结束时间须晚于开始时间', 400, [{ path: 'to', message: 'must be after from' }]);
    const calls = await this.scope.run(() => this.dirty.markAll(from, to));
    this.summarizer.kick();
    return { calls };
  }
}
