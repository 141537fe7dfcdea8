import { DomainError, NotFoundError } from '@app/platform';
import type { Problem } from './domain/validation/problems';

/**
 * Every refusal qa-evaluation gives, with its stable code and HTTP status. Rule checks in the
 * domain return Problems (code + path); `rejected()` turns them into one 4xx naming every path.
 */
const STATUS_BY_CODE: Record<string, number> = {
  'QA.FORM_INVALID': 400,
  'QA.ANSWERS_REQUIRED': 400,
  'QA.ANSWER_INVALID': 400,
  'QA.REQUEST_INVALID': 400,
  'QA.COMPLAINT_CATEGORY_UNKNOWN': 422,
  'QA.CONDUCT_REFERENCE_REQUIRED': 422,
  'QA.CONDUCT_DUPLICATES_COMPUTED': 409,
  'QA.CONDUCT_DUPLICATE_RECORD': 409,
  'QA.FORM_VERSION_PUBLISHED': 409,
  'QA.CALL_ALREADY_EVALUATED': 409,
  'QA.EVALUATION_WRONG_STATUS': 409,
  'QA.DISPUTE_ALREADY_OPEN': 409,
  'QA.DISPUTE_ALREADY_DECIDED': 409,
  'QA.APPRAISAL_PERIOD_CLOSED': 409,
  'QA.APPEAL_EXISTS': 409,
  'QA.APPEAL_ALREADY_DECIDED': 409,
  'QA.RECORD_VOIDED': 409,
  'QA.NOT_YOURS': 403,
  'QA.NOT_IN_CALIBRATION': 403,
  'QA.CALIBRATION_BLIND': 403,
  'QA.APPRAISAL_ROLE_FORBIDDEN': 403,
  'QA.TRANSCRIPT_FORMAT_INVALID': 400,
  'QA.TRANSCRIPT_TOO_LONG': 413,
  'QA.TRANSCRIPTS_TOO_MANY': 413,
  'QA.TRANSCRIPT_EMPTY': 422,
};

export function rejected(problems: Problem[], message = 'The request was refused / 请求被拒绝'): DomainError {
  const first = problems[0];
  return new DomainError(first.code, problems.length === 1 ? first.message : message, STATUS_BY_CODE[first.code] ?? 422, problems.map(({ path, message: m }) => ({ path, message: m })));
}

export function refuse(code: string, path: string, message: string): DomainError {
  return rejected([{ code, path, message }]);
}

export const QaErrors = {
  formNotFound: (formId: string) => new NotFoundError('QA.FORM_NOT_FOUND', `No form ${formId} / 没有表单 ${formId}`),
  formVersionNotFound: (formId: string, version: number) => new NotFoundError('QA.FORM_VERSION_NOT_FOUND', `No version ${version} of form ${formId} / 表单 ${formId} 没有版本 ${version}`),
  unknownFormVersion: (path: string) => refuse('QA.UNKNOWN_FORM_VERSION', path, 'no such published form version / 没有此已发布的表单版本'),
  formPublished: (formId: string, version: number) => refuse('QA.FORM_VERSION_PUBLISHED', 'version', `version ${version} of ${formId} is published and never changes / 已发布的版本不可修改`),
  evaluationNotFound: () => new NotFoundError('QA.EVALUATION_NOT_FOUND', 'No such evaluation / 没有此质检记录'),
  wrongStatus: (status: string, wanted: string) => refuse('QA.EVALUATION_WRONG_STATUS', 'status', `the evaluation is ${status}, this needs ${wanted} / 质检状态为 ${status}, 需要 ${wanted}`),
  notYours: () => refuse('QA.NOT_YOURS', 'agentId', 'this belongs to another agent / 这属于其他坐席'),
  disputeNotFound: () => new NotFoundError('QA.DISPUTE_NOT_FOUND', 'No such dispute / 没有此异议'),
  recordNotFound: () => new NotFoundError('QA.RECORD_NOT_FOUND', 'No such conduct record / 没有此奖罚记录'),
  complaintNotFound: () => new NotFoundError('QA.COMPLAINT_NOT_FOUND', 'No such complaint / 没有此投诉'),
  appraisalRoleForbidden: (agentId: string, role: string, allowed: string[]) => refuse(
    'QA.APPRAISAL_ROLE_FORBIDDEN', 'agentId',
    `${agentId} is a ${role}; you appraise ${allowed.join(', ') || 'nobody'} / ${agentId} 的角色为 ${role}, 您只能考核: ${allowed.join('、') || '无'}`,
  ),
  sessionNotFound: () => new NotFoundError('QA.CALIBRATION_NOT_FOUND', 'No such calibration session / 没有此校准会'),
  autoEvaluationNotFound: (callId: string) => new NotFoundError('QA.AUTO_EVALUATION_NOT_FOUND', `Call ${callId} has no checked transcript (yet) / 通话 ${callId} 尚无已检查的转写`),
  transcriptNotFound: (callId: string) => new NotFoundError('QA.TRANSCRIPT_NOT_FOUND', `No transcript of call ${callId} / 通话 ${callId} 没有转写`),
};
