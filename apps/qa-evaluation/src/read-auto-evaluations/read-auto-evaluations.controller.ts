import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { AutoEvaluationView } from './auto-evaluation.view';
import { ReadAutoEvaluations } from './read-auto-evaluations';
import { TranscriptView } from './transcript.view';

@ApiTags('speech-qa')
@Controller()
export class ReadAutoEvaluationsController {
  constructor(private readonly read: ReadAutoEvaluations) {}

  @Get('v1/auto-evaluations/:callId')
  @Roles('qa', 'supervisor', 'manager', 'admin', 'agent')
  @ApiOperation({ summary: 'The machine\'s evaluation of a call: items answered (auto) with evidence, every hit; 404 until its transcript is checked (an agent: own calls)' })
  @ApiOkResponse({ type: AutoEvaluationView })
  get(@CurrentUser() user: AuthenticatedUser, @Param('callId') callId: string): Promise<AutoEvaluationView> {
    return this.read.get(user, callId);
  }

  @Get('v1/auto-evaluations/:callId/prefill')
  @Roles('qa', 'supervisor', 'manager', 'admin')
  @ApiOperation({ summary: 'The machine\'s answers as POST /v1/evaluations takes them, the items left open, and the evidence' })
  prefill(@CurrentUser() user: AuthenticatedUser, @Param('callId') callId: string) {
    return this.read.prefill(user, callId);
  }

  @Get('v1/auto-evaluations/agents/:agentId/summary')
  @Roles('qa', 'supervisor', 'manager', 'hr', 'admin', 'agent')
  @ApiOperation({ summary: 'An agent\'s month of automatic evaluations: calls checked, script adherence %, forbidden phrases per 100 calls (an agent: own)' })
  @ApiQuery({ name: 'period', required: true, description: 'yyyy-mm' })
  summary(@CurrentUser() user: AuthenticatedUser, @Param('agentId') agentId: string, @Query('period') period?: string) {
    return this.read.agentSummary(user, agentId, period);
  }

  @Get('v1/transcripts/:callId')
  @Roles('qa', 'supervisor', 'manager', 'admin', 'telephony', 'agent')
  @ApiOperation({ summary: 'A call\'s latest transcript (segments in time order, the indexes evidence refers to), its checking state and what was refused of it (an agent: own calls; a supervisor or QA inspector: own teams)' })
  @ApiOkResponse({ type: TranscriptView })
  transcript(@CurrentUser() user: AuthenticatedUser, @Param('callId') callId: string): Promise<TranscriptView> {
    return this.read.transcript(user, callId);
  }
}
