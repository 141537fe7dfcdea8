import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses, ApiPage, type Page } from '@app/platform';
import { CallDetailView, CallFactsView } from './call.view';
import { ListCallsQuery } from './list-calls.query';
import { ReadCalls } from './read-calls';
import { RederiveCalls, RederiveWindow } from './rederive-calls';

/** Calls' facts with the raw events they came from: every figure traceable to its inputs. */
@ApiTags('calls')
@Controller('v1/calls')
export class CallsController {
  constructor(
    private readonly read: ReadCalls,
    private readonly rederiveCalls: RederiveCalls,
  ) {}

  @Get()
  @Roles('supervisor', 'qa', 'admin', 'agent')
  @ApiOperation({ summary: 'A page of calls in [from, to) by first event (by their first leg with agentId), `limit` (default 100, at most 1,000) after `cursor`: an agent lists their own (their legs only); supervisors and QA every call, or one agent’s of their own teams (else 403 AUTH.OUTSIDE_YOUR_TEAM)' })
  @ApiPage('Calls by first event', CallFactsView)
  @ApiErrorResponses(400, 401, 403)
  list(@Query() q: ListCallsQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<CallFactsView>> {
    return this.read.page(q, user);
  }

  @Get(':callId')
  @Roles('supervisor', 'qa', 'admin', 'agent')
  @ApiOperation({ summary: "A call's current facts (as published) and its raw events; an agent sees the queue part and their own legs only" })
  @ApiOkResponse({ type: CallDetailView })
  @ApiErrorResponses(400, 401, 403, 404)
  get(@Param('callId') callId: string, @CurrentUser() user: AuthenticatedUser): Promise<CallDetailView> {
    return this.read.one(callId, user);
  }

  /** Replays stored events (e.g. after a policy change); unchanged facts publish nothing. */
  @Post('rederive')
  @HttpCode(202)
  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: 'Re-derive every call with events in [from, to)' })
  @ApiAcceptedResponse({ schema: { type: 'object', properties: { calls: { type: 'integer', description: 'calls marked for derivation' } }, required: ['calls'] } })
  @ApiErrorResponses(400, 401, 403)
  rederive(@Body() window: RederiveWindow): Promise<{ calls: number }> {
    return this.rederiveCalls.execute(window);
  }
}
