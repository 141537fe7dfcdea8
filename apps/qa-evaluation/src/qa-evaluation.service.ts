import { alertSubject, SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { QA_MIGRATIONS } from '../migrations';
import { REMINDER_KINDS } from './domain/appraisal/reminder-alerts';
import { DEFAULT_QA_POLICY } from './domain/policy/qa-policy';
import { QaModule } from './qa.module';

export const QA_SERVICE: ServiceDefinition = {
  name: 'qa-evaluation',
  schema: 'qa',
  defaultPort: 3002,
  title: 'qa-evaluation',
  description: 'Checklist-form call evaluations, monthly appraisals, conduct records, complaints, appeals and calibration.',
  migrations: QA_MIGRATIONS,
  features: [QaModule],
  publishes: [
    SUBJECTS.qa.evaluationFinalized, SUBJECTS.qa.evaluationRevised, SUBJECTS.qa.appraisalSubmitted,
    SUBJECTS.qa.conductRecorded, SUBJECTS.qa.conductVoided, SUBJECTS.qa.complaintJudged,
    alertSubject(DEFAULT_QA_POLICY.conduct.alertKind), alertSubject(REMINDER_KINDS.appraisalDue), alertSubject(REMINDER_KINDS.selfDue),
  ],
};
