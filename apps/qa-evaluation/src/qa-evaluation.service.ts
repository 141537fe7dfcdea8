import { alertSubject, SUBJECTS } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { QA_MIGRATIONS } from '../migrations';
import { REMINDER_KINDS } from './domain/appraisal/reminder-alerts';
import { DEFAULT_QA_POLICY } from './domain/policy/qa-policy';
import { alertKinds, DEFAULT_SPEECH_POLICY } from './domain/speech/speech-policy';
import { QaModule } from './qa.module';

export const QA_SERVICE: ServiceDefinition = {
  name: 'qa-evaluation',
  schema: 'qa',
  defaultPort: 3002,
  title: 'qa-evaluation',
  description: 'Checklist-form call evaluations, monthly appraisals, conduct records, complaints, appeals and calibration; speech QA of call transcripts.',
  migrations: QA_MIGRATIONS,
  features: [QaModule],
  publishes: [
    SUBJECTS.qa.evaluationFinalized, SUBJECTS.qa.evaluationRevised, SUBJECTS.qa.appraisalSubmitted,
    SUBJECTS.qa.conductRecorded, SUBJECTS.qa.conductVoided, SUBJECTS.qa.complaintJudged,
    alertSubject(DEFAULT_QA_POLICY.conduct.alertKind), alertSubject(REMINDER_KINDS.appraisalDue), alertSubject(REMINDER_KINDS.selfDue),
    SUBJECTS.qa.autoEvaluationCompleted, ...alertKinds(DEFAULT_SPEECH_POLICY).map(alertSubject),
  ],
  // A transcript is taken whole as JSON: a 4-hour call is ~0.5 MB canonical, a few MB as a recogniser's own output
  // with word timings (Alibaba Cloud's words[] is ~5 values a word, ~300,000 values for 4 hours). 600,000 values are
  // ~36 MB of heap at most once parsed; anything past 16 MB (a 50 MB upload) is refused 413 before it is parsed.
  bodyLimits: { json: '16mb', jsonValues: 600_000 },
};
