import type { ErrorDetail } from '@app/contracts';
import { DomainError } from '@app/platform';
import type { Problem } from './domain/validation/problems';

/** The statuses a qa refusal may have: malformed input, not the caller's, no such thing, the state refuses it, too large, a rule refuses it. */
export type QaErrorStatus = 400 | 403 | 404 | 409 | 413 | 422;

/**
 * Every refusal qa-evaluation gives, one stable code each, with its HTTP status decided here (the edge only maps).
 * The factories below take `QaErrorCode`, and the domain's problems carry their codes as literal types, so a code
 * missing from this list does not compile — and there is no fallback status to hide one (issue 18 item 2).
 */
export const QA_ERRORS = {
  // 400: the request itself is malformed
  'QA.REQUEST_INVALID': 400,
  'QA.FORM_INVALID': 400,
  'QA.TRANSCRIPT_FORMAT_INVALID': 400,
  'QA.SEGMENT_INVALID': 400,
  'QA.SEGMENT_SPEAKER_UNKNOWN': 400,
  'QA.SEGMENT_TIME_INVALID': 400,
  'QA.SEGMENT_TIME_OUT_OF_RANGE': 400,
  'QA.SEGMENT_TEXT_INVALID': 400,
  'QA.SEGMENT_TEXT_TOO_LONG': 400,
  'QA.SEGMENT_TEXT_NOT_PRINTABLE': 400,
  'QA.SEGMENT_CONFIDENCE_OUT_OF_RANGE': 400,
  // 403: someone else's, or not this caller's to see yet
  'QA.NOT_YOURS': 403,
  'QA.NOT_IN_CALIBRATION': 403,
  'QA.CALIBRATION_BLIND': 403,
  'QA.APPRAISAL_ROLE_FORBIDDEN': 403,
  // 404: the thing the path names does not exist
  'QA.FORM_NOT_FOUND': 404,
  'QA.FORM_VERSION_NOT_FOUND': 404,
  'QA.EVALUATION_NOT_FOUND': 404,
  'QA.DISPUTE_NOT_FOUND': 404,
  'QA.RECORD_NOT_FOUND': 404,
  'QA.APPEAL_NOT_FOUND': 404,
  'QA.COMPLAINT_NOT_FOUND': 404,
  'QA.CALIBRATION_NOT_FOUND': 404,
  'QA.AUTO_EVALUATION_NOT_FOUND': 404,
  'QA.TRANSCRIPT_NOT_FOUND': 404,
  // 409: the thing's current state refuses it
  'QA.FORM_VERSION_PUBLISHED': 409,
  'QA.CALL_ALREADY_EVALUATED': 409,
  'QA.EVALUATION_WRONG_STATUS': 409,
  'QA.EVALUATION_NOT_RELEASED': 409,
  'QA.DISPUTE_ALREADY_OPEN': 409,
  'QA.DISPUTE_ALREADY_DECIDED': 409,
  'QA.APPRAISAL_PERIOD_CLOSED': 409,
  'QA.APPEAL_EXISTS': 409,
  'QA.APPEAL_ALREADY_DECIDED': 409,
  'QA.RECORD_VOIDED': 409,
  'QA.CONDUCT_DUPLICATES_COMPUTED': 409,
  'QA.CONDUCT_DUPLICATE_RECORD': 409,
  // 413: more than a request may carry
  'QA.TRANSCRIPT_TOO_LONG': 413,
  'QA.TRANSCRIPTS_TOO_MANY': 413,
  // 422: well-formed, but a rule (the form, the catalogue, the policy, the calendar) refuses it
  'QA.UNKNOWN_FORM_VERSION': 422,
  'QA.UNKNOWN_ITEM': 422,
  'QA.DUPLICATE_ANSWER': 422,
  'QA.ANSWER_MISSING': 422,
  'QA.NA_NOT_ALLOWED': 422,
  'QA.VALUE_OUT_OF_RANGE': 422,
  'QA.AGENT_NOT_ON_CALL': 422,
  'QA.DISPUTE_WINDOW_CLOSED': 422,
  'QA.DISPUTE_LIMIT_REACHED': 422,
  'QA.APPRAISAL_PERIOD_NOT_ENDED': 422,
  'QA.UNKNOWN_CONDUCT_CODE': 422,
  'QA.CONDUCT_CODE_NOT_RECORDABLE': 422,
  'QA.CONDUCT_REFERENCE_REQUIRED': 422,
  'QA.CONDUCT_AMOUNT_REQUIRED': 422,
  'QA.CONDUCT_VALUE_OUT_OF_RANGE': 422,
  'QA.APPEAL_WINDOW_CLOSED': 422,
  'QA.COMPLAINT_CATEGORY_UNKNOWN': 422,
  'QA.COMPLAINT_AGENT_REQUIRED': 422,
  'QA.NO_EVALUATORS': 422,
  'QA.TRANSCRIPT_EMPTY': 422,
} as const satisfies Record<`QA.${string}`, QaErrorStatus>;

export type QaErrorCode = keyof typeof QA_ERRORS;

export function qaError(code: QaErrorCode, message: string, details: ErrorDetail[] = []): DomainError {
  return new DomainError(code, message, QA_ERRORS[code], details);
}

/** One refusal naming every problem's path; the first problem gives the code (and so the status). */
export function rejected(problems: ReadonlyArray<Problem<QaErrorCode>>, message = 'The request was refused / 请求被拒绝'): DomainError {
  const [first] = problems;
  return qaError(first.code, problems.length === 1 ? first.message : message, problems.map(({ path, message: m }) => ({ path, message: m })));
}

export function refuse(code: QaErrorCode, path: string, message: string): DomainError {
  return qaError(code, message, [{ path, message }]);
}

export const QaErrors = {
  formNotFound: (formId: string) => qaError('QA.FORM_NOT_FOUND', `No form ${formId} / 没有表单 ${formId}`),
  formVersionNotFound: (formId: string, version: number) => qaError('QA.FORM_VERSION_NOT_FOUND', `No version ${version} of form ${formId} / 表单 ${formId} 没有版本 ${version}`),
  unknownFormVersion: (path: string) => refuse('QA.UNKNOWN_FORM_VERSION', path, 'no such published form version / 没有此已发布的表单版本'),
  formPublished: (formId: string, version: number) => refuse('QA.FORM_VERSION_PUBLISHED', 'version', `version ${version} of ${formId} is published and never changes / 已发布的版本不可修改`),
  evaluationNotFound: () => qaError('QA.EVALUATION_NOT_FOUND', 'No such evaluation / 没有此质检记录'),
  wrongStatus: (status: string, wanted: string) => refuse('QA.EVALUATION_WRONG_STATUS', 'status', `the evaluation is ${status}, this needs ${wanted} / 质检状态为 ${status}, 需要 ${wanted}`),
  notYours: () => refuse('QA.NOT_YOURS', 'agentId', 'this belongs to another agent / 这属于其他坐席'),
  disputeNotFound: () => qaError('QA.DISPUTE_NOT_FOUND', 'No such dispute / 没有此异议'),
  recordNotFound: () => qaError('QA.RECORD_NOT_FOUND', 'No such conduct record / 没有此奖罚记录'),
  appealNotFound: () => refuse('QA.APPEAL_NOT_FOUND', 'recordId', 'the record has no appeal / 该记录没有申诉'),
  complaintNotFound: () => qaError('QA.COMPLAINT_NOT_FOUND', 'No such complaint / 没有此投诉'),
  appraisalRoleForbidden: (agentId: string, role: string, allowed: string[]) => refuse(
    'QA.APPRAISAL_ROLE_FORBIDDEN', 'agentId',
    `${agentId} is a ${role}; you appraise ${allowed.join(', ') || 'nobody'} / ${agentId} 的角色为 ${role}, 您只能考核: ${allowed.join('、') || '无'}`,
  ),
  sessionNotFound: () => qaError('QA.CALIBRATION_NOT_FOUND', 'No such calibration session / 没有此校准会'),
  autoEvaluationNotFound: (callId: string) => qaError('QA.AUTO_EVALUATION_NOT_FOUND', `Call ${callId} has no checked transcript (yet) / 通话 ${callId} 尚无已检查的转写`),
  transcriptNotFound: (callId: string) => qaError('QA.TRANSCRIPT_NOT_FOUND', `No transcript of call ${callId} / 通话 ${callId} 没有转写`),
};
