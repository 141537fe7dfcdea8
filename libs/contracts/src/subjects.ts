/** Subjects named by contracts.md. Names here are fixed: extend, never rename. */
export const SUBJECTS = {
  telephony: {
    ingest: 'telephony.ingest',
    callSummarized: 'telephony.call.summarized',
    agentState: 'telephony.agent.state',
    /** A call's transcript from a speech-recognition system (input: qa-evaluation consumes it). */
    callTranscribed: 'telephony.call.transcribed',
  },
  qa: {
    evaluationFinalized: 'qa.evaluation.finalized',
    evaluationRevised: 'qa.evaluation.revised',
    appraisalSubmitted: 'qa.appraisal.submitted',
    conductRecorded: 'qa.conduct.recorded',
    conductVoided: 'qa.conduct.voided',
    complaintJudged: 'qa.complaint.judged',
    autoEvaluationCompleted: 'qa.auto-evaluation.completed',
  },
  attendance: {
    agentUpserted: 'attendance.agent.upserted',
    dayClosed: 'attendance.day.closed',
    violationRecorded: 'attendance.violation.recorded',
  },
  scoring: {
    scoreFinalized: 'scoring.score.finalized',
    scoreRevised: 'scoring.score.revised',
    policyActivated: 'scoring.policy.activated',
  },
  notification: {
    conductAcknowledged: 'notification.conduct.acknowledged',
  },
  alerts: {
    prefix: 'alerts',
    all: 'alerts.>',
  },
  deadLetter: {
    prefix: 'deadletter',
  },
} as const;

export function alertSubject(kind: string): string {
  return `${SUBJECTS.alerts.prefix}.${kind}`;
}
