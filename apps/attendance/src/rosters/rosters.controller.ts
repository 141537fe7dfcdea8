import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { invalid } from '../attendance.errors';
import { isPeriod, periodRange } from '../domain/local-time';
import { actsAsAgentOnly } from '../http/actor';
import { answerBatch, itemsFromBody } from '../http/request-items';
import { RosterStore } from '../store/roster.store';
import { UpsertRosters, type UpsertRostersResult } from './upsert-rosters';

@ApiTags('rosters')
@Controller('v1/rosters')
export class RostersController {
  constructor(
    private readonly upsert: UpsertRosters,
    private readonly rosters: RosterStore,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('supervisor', 'hr')
  @ApiOperation({ summary: 'Roster days [{ agentId, date, shift }] (`off` clears a day); a change to a closed day re-publishes it' })
  async post(@Body() body: unknown): Promise<UpsertRostersResult> {
    const r = itemsFromBody(body, 'rosters');
    const result = await this.upsert.execute(r.items, r.unreadable);
    return answerBatch(result, result.accepted + result.unchanged);
  }

  @Get()
  @Roles('supervisor', 'hr', 'admin', 'payroll', 'agent')
  async list(@Query('period') period: string, @CurrentUser() user: AuthenticatedUser, @Query('team') team?: string, @Query('agentId') agentId?: string) {
    if (!isPeriod(period)) throw invalid([{ path: 'period', message: 'a month yyyy-mm' }]);
    const { from, to } = periodRange(period);
    const days = await this.rosters.inPeriod(from, to, team, actsAsAgentOnly(user) ? (user.agentId ?? '-') : agentId);
    return days.map((d) => ({ agentId: d.agentId, date: d.date, shift: d.shift, swapId: d.swapId, closed: d.closed }));
  }
}
