import { DynamicModule, Module } from '@nestjs/common';
import { TeamScope } from '@app/auth';
import { teamDirectoryOver } from '@app/persistence';
import { AutoCloseWorker } from './close-period/auto-close.worker';
import { ClosePeriod } from './close-period/close-period';
import { PeriodStatus } from './close-period/period-status';
import { PeriodsController } from './close-period/periods.controller';
import { ExportPayroll } from './export-payroll/export-payroll';
import { PayrollController } from './export-payroll/payroll.controller';
import { ActivatePolicy } from './manage-policies/activate-policy';
import { CreatePolicy } from './manage-policies/create-policy';
import { ListPolicies } from './manage-policies/list-policies';
import { PoliciesController } from './manage-policies/policies.controller';
import { MonthScorer } from './month/month-scorer';
import { ScorePublisher } from './month/score-publisher';
import { FactsConsumer } from './record-facts/facts.consumer';
import { RecordFacts } from './record-facts/record-facts';
import { RecalculateController } from './revise-period/recalculate.controller';
import { RevisePeriod } from './revise-period/revise-period';
import { RevisionWorker } from './revise-period/revision.worker';
import { ListScorecards } from './scorecards/list-scorecards';
import { ProvisionalStandings } from './scorecards/provisional-standings';
import { ReadScorecards } from './scorecards/read-scorecards';
import { ScorecardsController } from './scorecards/scorecards.controller';
import { SCORING_SETTINGS, type ScoringSettings } from './scoring-settings';
import { SimulatePolicy } from './simulate-policy/simulate-policy';
import { SimulateController } from './simulate-policy/simulate.controller';
import { FactsStore, PgFactsStore } from './store/facts.store';
import { MonthInputsStore, PgMonthInputsStore } from './store/month-inputs.store';
import { PeriodStore, PgPeriodStore } from './store/period.store';
import { PgPolicyStore, PolicyStore } from './store/policy.store';
import { PgScorecardStore, ScorecardStore } from './store/scorecard.store';

/** The service's features; `settings` are the validated SCORING_* environment (scoring-settings.ts). */
@Module({})
export class ScoringModule {
  static register(settings: ScoringSettings): DynamicModule {
    return {
      module: ScoringModule,
      controllers: [SimulateController, PoliciesController, PeriodsController, RecalculateController, ScorecardsController, PayrollController, FactsConsumer],
      providers: [
        { provide: SCORING_SETTINGS, useValue: settings },
        { provide: FactsStore, useClass: PgFactsStore },
        { provide: MonthInputsStore, useClass: PgMonthInputsStore },
        { provide: PeriodStore, useClass: PgPeriodStore },
        { provide: PolicyStore, useClass: PgPolicyStore },
        { provide: ScorecardStore, useClass: PgScorecardStore },
        teamDirectoryOver({ table: 'scoring.agent' }),
        TeamScope,
        MonthScorer,
        ScorePublisher,
        RecordFacts,
        ClosePeriod,
        PeriodStatus,
        AutoCloseWorker,
        RevisePeriod,
        RevisionWorker,
        ReadScorecards,
        ListScorecards,
        ProvisionalStandings,
        ExportPayroll,
        ListPolicies,
        CreatePolicy,
        ActivatePolicy,
        SimulatePolicy,
      ],
    };
  }
}
