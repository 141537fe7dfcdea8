import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TeamScope } from '@app/auth';
import { teamDirectoryOver } from '@app/persistence';
import { AgentStateConsumer } from './agent-state/agent-state.consumer';
import { ATTENDANCE_SETTINGS, type AttendanceSettings } from './attendance-settings';
import { AgentQueries } from './agents/agent-queries';
import { AgentsController } from './agents/agents.controller';
import { UpsertAgents } from './agents/upsert-agents';
import { ClockEventsController } from './clock-events/clock-events.controller';
import { IngestClockEvents } from './clock-events/ingest-clock-events';
import { DayCloser } from './closing/day-closer';
import { CorrectDay } from './corrections/correct-day';
import { CorrectionsController } from './corrections/corrections.controller';
import { DayQueries } from './corrections/day-queries';
import { CloseDueDays } from './day-close/close-due-days';
import { DayCloseController } from './day-close/day-close.controller';
import { DayCloseWorker } from './day-close/day-close.worker';
import { csvBody } from './http/csv-body.middleware';
import { HolidayQueries } from './holidays/holiday-queries';
import { HolidaysController } from './holidays/holidays.controller';
import { UpsertHolidays } from './holidays/upsert-holidays';
import { DecideLeave } from './leave/decide-leave';
import { LeaveController } from './leave/leave.controller';
import { LeaveQueries } from './leave/leave-queries';
import { LeaveRules } from './leave/leave-rules';
import { RequestLeave } from './leave/request-leave';
import { AttendancePolicyStore } from './policy/attendance-policy.store';
import { PolicyActivatedConsumer } from './policy/policy-activated.consumer';
import { PolicyController } from './policy/policy.controller';
import { RosterQueries } from './rosters/roster-queries';
import { RostersController } from './rosters/rosters.controller';
import { UpsertRosters } from './rosters/upsert-rosters';
import { ConsentSwap } from './shift-swaps/consent-swap';
import { DecideSwap } from './shift-swaps/decide-swap';
import { RequestSwap } from './shift-swaps/request-swap';
import { ShiftSwapsController } from './shift-swaps/shift-swaps.controller';
import { SwapContextLoader } from './shift-swaps/swap-context.loader';
import { SwapQueries } from './shift-swaps/swap-queries';
import { ShiftTypeQueries } from './shift-types/shift-type-queries';
import { ShiftTypesController } from './shift-types/shift-types.controller';
import { UpsertShiftType } from './shift-types/upsert-shift-type';
import { AgentStateStore, PgAgentStateStore } from './store/agent-state.store';
import { AgentStore, PgAgentStore } from './store/agent.store';
import { BusinessLocks, PgBusinessLocks } from './store/business-locks';
import { ClockEventStore, PgClockEventStore } from './store/clock-event.store';
import { DayInputsStore, PgDayInputsStore } from './store/day-inputs.store';
import { DayRecordStore, PgDayRecordStore } from './store/day-record.store';
import { HolidayStore, PgHolidayStore } from './store/holiday.store';
import { LeaveStore, PgLeaveStore } from './store/leave.store';
import { PgRosterStore, RosterStore } from './store/roster.store';
import { PgShiftTypeStore, ShiftTypeStore } from './store/shift-type.store';
import { PgSwapStore, SwapStore } from './store/swap.store';
import { MonthSummaryQuery } from './summary/month-summary.query';
import { SummaryController } from './summary/summary.controller';

@Module({
  controllers: [
    AgentsController, ShiftTypesController, RostersController, ClockEventsController, DayCloseController, CorrectionsController,
    LeaveController, HolidaysController, ShiftSwapsController, SummaryController, PolicyController, AgentStateConsumer, PolicyActivatedConsumer,
  ],
  providers: [
    { provide: AgentStore, useClass: PgAgentStore },
    { provide: ShiftTypeStore, useClass: PgShiftTypeStore },
    { provide: RosterStore, useClass: PgRosterStore },
    { provide: ClockEventStore, useClass: PgClockEventStore },
    { provide: LeaveStore, useClass: PgLeaveStore },
    { provide: HolidayStore, useClass: PgHolidayStore },
    { provide: SwapStore, useClass: PgSwapStore },
    { provide: DayRecordStore, useClass: PgDayRecordStore },
    { provide: DayInputsStore, useClass: PgDayInputsStore },
    { provide: AgentStateStore, useClass: PgAgentStateStore },
    { provide: BusinessLocks, useClass: PgBusinessLocks },
    teamDirectoryOver({ table: 'attendance.agent', supervisor: "record->>'supervisorId'" }),
    TeamScope,
    AttendancePolicyStore,
    DayCloser,
    UpsertAgents,
    UpsertShiftType,
    ShiftTypeQueries,
    UpsertRosters,
    IngestClockEvents,
    CloseDueDays,
    DayCloseWorker,
    CorrectDay,
    MonthSummaryQuery,
    LeaveRules,
    RequestLeave,
    DecideLeave,
    UpsertHolidays,
    SwapContextLoader,
    RequestSwap,
    ConsentSwap,
    DecideSwap,
    AgentQueries,
    RosterQueries,
    LeaveQueries,
    HolidayQueries,
    SwapQueries,
    DayQueries,
  ],
})
export class AttendanceModule implements NestModule {
  /** The module with its settings (validated at start-up by main.ts, or given by a test). */
  static register(settings: AttendanceSettings): DynamicModule {
    return { module: AttendanceModule, providers: [{ provide: ATTENDANCE_SETTINGS, useValue: settings }] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(csvBody).forRoutes({ path: 'v1/agents', method: RequestMethod.POST });
  }
}
