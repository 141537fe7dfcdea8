import { Module, type DynamicModule } from '@nestjs/common';
import { TeamDirectory, TeamScope } from '@app/auth';
import { AgentUpsertedConsumer } from './agent-teams/agent-upserted.consumer';
import { AgentRollupWorker } from './agent-rollup/agent-rollup-worker';
import { AgentStateConsumer } from './agent-states/agent-state.consumer';
import { IngestAgentStates } from './agent-states/ingest-agent-states';
import { AgentStatsController } from './agent-stats/agent-stats.controller';
import { GetAgentStats } from './agent-stats/get-agent-stats';
import { AlertRaiser } from './alerts/alert-raiser';
import { RingingWatch } from './alerts/ringing-watch';
import { CallsController } from './calls/calls.controller';
import { ReadCalls } from './calls/read-calls';
import { RederiveCalls } from './calls/rederive-calls';
import { DerivationFailuresController } from './derivation-failures/derivation-failures.controller';
import { ListDerivationFailures } from './derivation-failures/list-derivation-failures';
import { RetryDerivation } from './derivation-failures/retry-derivation';
import { SetAsideMetric } from './derivation-failures/set-aside.metric';
import { CallEventsController } from './ingest/call-events.controller';
import { IngestAdmission } from './ingest/ingest-admission';
import { IngestCallEvents } from './ingest/ingest-call-events';
import { TelephonyIngestConsumer } from './ingest/telephony-ingest.consumer';
import { ImportAdapterResult } from './import-telephony-output/import-adapter-result';
import { TelephonyOutputController } from './import-telephony-output/telephony-output.controller';
import { ListPartitions } from './partitions/list-partitions';
import { PartitionKeeper } from './partitions/partition-keeper';
import { PgTableUpkeepStore, TableUpkeepStore } from './table-upkeep/table-upkeep.store';
import { TableUpkeepWorker } from './table-upkeep/table-upkeep.worker';
import { PartitionsController } from './partitions/partitions.controller';
import { PolicyActivatedConsumer } from './policy/policy-activated.consumer';
import { TelephonyPolicyStore } from './policy/telephony-policy.store';
import { QueueRollupWorker } from './queue-rollup/queue-rollup-worker';
import { GetQueueStats } from './queue-stats/get-queue-stats';
import { QueueStatsController } from './queue-stats/queue-stats.controller';
import { GetQueueLive } from './queue-live/get-queue-live';
import { QueueLiveController } from './queue-live/queue-live.controller';
import { PlayRecording } from './recordings/play-recording';
import { RecordingController } from './recordings/recording.controller';
import { AgentLegRollup, PgAgentLegRollup } from './store/agent-leg-rollup.store';
import { PgQueueHourRollup, QueueHourRollup } from './store/queue-hour-rollup.store';
import { AgentTeamsStore, PgAgentTeamsStore } from './store/agent-teams.store';
import { AlertLedger, PgAlertLedger } from './store/alert-ledger';
import { CallDirtyQueue, PgCallDirtyQueue } from './store/call-dirty.queue';
import { CallLookupsPlanner, PgCallLookupsPlanner } from './store/call-lookups.planner';
import { CallEventStore, PgCallEventStore } from './store/call-event.store';
import { CallFactsStore, PgCallFactsStore } from './store/call-facts.store';
import { DerivationFailures, PgDerivationFailures } from './store/derivation-failures';
import { DerivationSignal } from './store/derivation-signal';
import { IngestRejectionLog, PgIngestRejectionLog } from './store/ingest-rejection.log';
import { LiveStateStore, PgLiveStateStore } from './store/live-state.store';
import { LocalRecordingFiles, RecordingFiles } from './store/recording-files';
import { CallSummarizer } from './summarize/call-summarizer';
import { CallTimeoutSweeper } from './summarize/call-timeout-sweeper';
import { TelephonySettings } from './telephony-settings';

@Module({
  controllers: [
    CallEventsController, TelephonyOutputController, QueueStatsController, QueueLiveController, AgentStatsController, CallsController, DerivationFailuresController, PartitionsController, RecordingController,
    TelephonyIngestConsumer, AgentStateConsumer, PolicyActivatedConsumer, AgentUpsertedConsumer,
  ],
  providers: [
    { provide: CallEventStore, useClass: PgCallEventStore },
    { provide: CallDirtyQueue, useClass: PgCallDirtyQueue },
    { provide: CallLookupsPlanner, useClass: PgCallLookupsPlanner },
    { provide: CallFactsStore, useClass: PgCallFactsStore },
    { provide: AlertLedger, useClass: PgAlertLedger },
    { provide: IngestRejectionLog, useClass: PgIngestRejectionLog },
    { provide: DerivationFailures, useClass: PgDerivationFailures },
    { provide: LiveStateStore, useClass: PgLiveStateStore },
    { provide: RecordingFiles, useClass: LocalRecordingFiles },
    { provide: AgentLegRollup, useClass: PgAgentLegRollup },
    { provide: QueueHourRollup, useClass: PgQueueHourRollup },
    { provide: AgentTeamsStore, useClass: PgAgentTeamsStore },
    { provide: TeamDirectory, useExisting: AgentTeamsStore },
    TeamScope,
    { provide: DerivationSignal, useExisting: CallSummarizer },
    TelephonyPolicyStore,
    IngestCallEvents,
    IngestAdmission,
    GetQueueStats,
    GetAgentStats,
    GetQueueLive,
    IngestAgentStates,
    SetAsideMetric,
    ReadCalls,
    RederiveCalls,
    ImportAdapterResult,
    CallSummarizer,
    CallTimeoutSweeper,
    AlertRaiser,
    RingingWatch,
    AgentRollupWorker,
    QueueRollupWorker,
    PartitionKeeper,
    TableUpkeepWorker,
    { provide: TableUpkeepStore, useClass: PgTableUpkeepStore },
    ListPartitions,
    ListDerivationFailures,
    RetryDerivation,
    PlayRecording,
  ],
})
export class TelephonyModule {
  /** The module with telephony-events' own settings (main.ts validates them at start). */
  static register(settings: TelephonySettings): DynamicModule {
    return { module: TelephonyModule, providers: [{ provide: TelephonySettings, useValue: settings }] };
  }
}
