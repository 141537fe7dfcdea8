import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@app/auth';
import { ApiErrorResponses, ApiPage, type Page } from '@app/platform';
import { ConsentSwap } from './consent-swap';
import { DecideSwap } from './decide-swap';
import { DecideSwapCommand } from './decide-swap.command';
import { RequestSwap } from './request-swap';
import { RequestSwapCommand } from './request-swap.command';
import { SwapListQuery } from './swap-list.query';
import { SwapQueries } from './swap-queries';
import { SwapItemView } from './swap.view';

@ApiTags('shift swaps')
@Controller('v1/shift-swaps')
export class ShiftSwapsController {
  constructor(
    private readonly request: RequestSwap,
    private readonly consent: ConsentSwap,
    private readonly decide: DecideSwap,
    private readonly queries: SwapQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('agent', 'supervisor')
  @ApiOperation({ summary: 'Request a swap: the counterpart works the requester’s shift on `date`, the requester pays back on `paybackDate`; each rule of rules.md §2 refuses with its own code' })
  @ApiCreatedResponse({
    description: '{ swapId, status }: the new swap, or — for the same request again (requesterId, counterpartId, date, paybackDate) while that swap is requested, consented or approved — that swap with its current status, nothing created',
  })
  @ApiErrorResponses(400, 401, 403, 404, 409, 422)
  post(@Body() body: RequestSwapCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.request.execute(body, user);
  }

  @Post(':swapId/consent')
  @HttpCode(200)
  @Roles('agent')
  consentTo(@Param('swapId') swapId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.consent.execute(swapId, user);
  }

  @Post(':swapId/decision')
  @HttpCode(200)
  @Roles('supervisor')
  decision(@Param('swapId') swapId: string, @Body() body: DecideSwapCommand, @CurrentUser() user: AuthenticatedUser) {
    return this.decide.execute(swapId, body, user);
  }

  @Get()
  @Roles('agent', 'supervisor', 'hr', 'payroll', 'admin')
  @ApiOperation({ summary: 'Swaps by (date, swapId) with their status and whether the pay-back shift has been worked, a page at a time' })
  @ApiPage('{ items: swaps, nextCursor }', SwapItemView)
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: SwapListQuery): Promise<Page<SwapItemView>> {
    return this.queries.list(user, q);
  }
}
