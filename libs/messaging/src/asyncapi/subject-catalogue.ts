import { SUBJECTS } from '@app/contracts';

/** One subject of the product, its payload (an interface of libs/contracts) and what it means. */
export interface SubjectEntry {
  /** NATS subject; `{name}` marks a token that varies (an AsyncAPI channel parameter). */
  address: string;
  /** The contracts interface of the payload; null when the payload is not a contract type. */
  payload: string | null;
  summary: string;
  parameters?: Record<string, string>;
  /** Headers the message carries beside `Nats-Msg-Id`. */
  headers?: Record<string, string>;
  /** Shown when `payload` is null. */
  payloadDescription?: string;
}

/**
 * Every subject of libs/contracts with its payload. A subject added to SUBJECTS without an entry
 * here fails tests/messaging/asyncapi.spec.ts, so the document stays complete.
 */
export const SUBJECT_CATALOGUE: SubjectEntry[] = [
  {
    address: SUBJECTS.telephony.ingest,
    payload: null,
    summary: 'Canonical call events from a telephony system, as POST /v1/call-events takes them / 话务系统推送的通话事件',
    payloadDescription: 'One canonical call event or an array of them (contracts.md, telephony-events)',
  },
  { address: SUBJECTS.telephony.callSummarized, payload: 'CallSummarizedEvent', summary: 'One call’s facts, re-published with a higher version / 通话汇总' },
  {
    address: SUBJECTS.telephony.agentState,
    payload: null,
    summary: 'An agent’s state changed (logged in/out, paused with reason, ringing, talking) / 坐席状态变化',
    payloadDescription: 'The agent state as telephony-events publishes it',
  },
  {
    address: SUBJECTS.telephony.callTranscribed,
    payload: 'CallTranscribedEvent',
    summary: 'A call’s transcript from a speech-recognition system, as POST /v1/transcripts takes it (qa-evaluation consumes it) / 通话转写文本',
  },
  { address: SUBJECTS.qa.evaluationFinalized, payload: 'EvaluationEvent', summary: 'A call evaluation submitted / 质检评分提交' },
  { address: SUBJECTS.qa.evaluationRevised, payload: 'EvaluationEvent', summary: 'A call evaluation changed (dispute, void) / 质检评分修订' },
  { address: SUBJECTS.qa.appraisalSubmitted, payload: 'AppraisalSubmittedEvent', summary: 'A supervisor’s monthly appraisal / 月度考评' },
  { address: SUBJECTS.qa.conductRecorded, payload: 'ConductRecordedEvent', summary: 'A reward or penalty record / 奖罚记录' },
  { address: SUBJECTS.qa.conductVoided, payload: 'ConductVoidedEvent', summary: 'A reward or penalty record no longer counts / 奖罚记录作废' },
  { address: SUBJECTS.qa.complaintJudged, payload: 'ComplaintJudgedEvent', summary: 'A complaint judged valid or not / 投诉判定' },
  {
    address: SUBJECTS.qa.autoEvaluationCompleted,
    payload: 'AutoEvaluationCompletedEvent',
    summary: 'A call’s transcript checked by the machine: answered items and hits; never scored / 语音质检完成',
  },
  { address: SUBJECTS.attendance.agentUpserted, payload: 'AgentUpsertedEvent', summary: 'The agent record as attendance holds it / 坐席档案' },
  { address: SUBJECTS.attendance.dayClosed, payload: 'DayClosedEvent', summary: 'One agent’s rostered day, closed or corrected / 考勤日结' },
  { address: SUBJECTS.attendance.violationRecorded, payload: 'ViolationRecordedEvent', summary: 'A swap or leave rule broken / 违规记录' },
  { address: SUBJECTS.scoring.scoreFinalized, payload: 'ScoreEvent', summary: 'An agent’s month, closed: score, grade, level and pay (payroll) / 月度成绩定稿' },
  { address: SUBJECTS.scoring.scoreRevised, payload: 'ScoreEvent', summary: 'A later change to a closed month / 月度成绩修订' },
  { address: SUBJECTS.scoring.policyActivated, payload: 'PolicyActivatedEvent', summary: 'The policy version now in force / 政策生效' },
  { address: SUBJECTS.notification.conductAcknowledged, payload: 'ConductAcknowledgedEvent', summary: 'An agent signed a reward/penalty record in the inbox / 坐席签收奖罚记录' },
  {
    address: `${SUBJECTS.alerts.prefix}.{kind}`,
    payload: 'AlertEvent',
    summary: 'An alert for people (ring limit, parked or dead-lettered message, …) / 告警',
    parameters: { kind: 'The alert kind, e.g. `ring-limit`, `message.parked`, `message.dead-lettered`' },
  },
  {
    address: `${SUBJECTS.deadLetter.prefix}.{service}.{subject}`,
    payload: null,
    summary: 'A message a consumer gave up on, unchanged, with the error in its headers / 死信',
    parameters: { service: 'The consuming service that gave up', subject: 'The original subject (several tokens)' },
    payloadDescription: 'The original message’s payload, unchanged',
    headers: {
      'Dlq-Original-Subject': 'Subject the message was published on',
      'Dlq-Original-Message-Id': 'Its Nats-Msg-Id',
      'Dlq-Consumer': 'The durable consumer that gave up',
      'Dlq-Stream-Sequence': 'Its sequence in the original stream',
      'Dlq-Delivery-Count': 'Deliveries before giving up',
      'Dlq-Error': 'The last error, one line',
    },
  },
];

/** Every concrete subject named in SUBJECTS (prefixes and wildcards excluded). */
export function contractSubjects(): string[] {
  const out: string[] = [];
  for (const group of Object.values(SUBJECTS)) {
    for (const [key, value] of Object.entries(group)) if (key !== 'prefix' && key !== 'all') out.push(value);
  }
  return out;
}

export function catalogueRoots(): string[] {
  return [...new Set(SUBJECT_CATALOGUE.map((e) => e.payload).filter((p): p is string => p !== null))];
}
