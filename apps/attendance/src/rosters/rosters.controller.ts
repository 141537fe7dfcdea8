import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import type { Page } from '@app/platform';
import { ApiPage } from '@app/platform';
import { answerBatch, itemsFromBody, type RequestItems } from '../http/request-items';
import { BatchBody } from '../http/batch-body.decorator';
import { RosterListQuery } from './roster-list.query';
import { RosterDayCommand } from './roster-day.command';
import { RosterDayItemView } from './roster-day.view';
import { RosterQueries } from './roster-queries';
import { UpsertRosters, type UpsertRostersResult } from './upsert-rosters';

@ApiTags('rosters')
@Controller('v1/rosters')
export class RostersController {
  constructor(
    private readonly upsert: UpsertRosters,
    private readonly queries: RosterQueries,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('supervisor', 'hr')
  @ApiOperation({ summary: 'Roster days [{ agentId, date, shift }] (`off` clears a day); a change to a closed day re-publishes it; a supervisor rosters their own teams (others: AUTH.OUTSIDE_YOUR_TEAM per item)' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ type: [RosterDayCommand] })
  async post(
    @BatchBody((body: unknown) => itemsFromBody(body, 'rosters')) batch: RequestItems,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<UpsertRostersResult> {
    const result = await this.upsert.execute(batch.items, user, batch.unreadable);
    return answerBatch(result, result.accepted + result.unchanged);
  }

  @Get()
  @Roles('supervisor', 'hr', 'admin', 'payroll', 'agent')
  @ApiOperation({ summary: "A month's roster days by (agentId, date), a page at a time (an agent: their own; a supervisor: their own teams')" })
  @ApiPage('{ items: roster days, nextCursor }', RosterDayItemView)
  list(@Query() q: RosterListQuery, @CurrentUser() user: AuthenticatedUser): Promise<Page<RosterDayItemView>> {
    return this.queries.month(q, user);
  }
}
