import type { ErrorDetail } from '@app/contracts';
import { DomainError, NotFoundError } from '@app/platform';
import type { WindowProblem } from './domain/reports/report-window';

const one = (path: string, message: string): ErrorDetail[] => [{ path, message }];

/** Every refusal this service answers with: one stable code each, its status chosen here. */
export const TelephonyErrors = {
  bodyNotEvents: (message: string) => new DomainError('TELEPHONY.BODY_NOT_EVENTS', message, 400, one('body', message)),
  bodyNotRecords: (message: string) => new DomainError('TELEPHONY.BODY_NOT_RECORDS', message, 400, one('body', message)),
  bodyNotQueueLog: () =>
    new DomainError('TELEPHONY.BODY_NOT_QUEUE_LOG', 'Send queue_log lines as text/plain / 请以 text/plain 发送 queue_log', 400, one('body', 'expected non-empty text/plain')),
  noEvents: () => new DomainError('TELEPHONY.NO_EVENTS', 'The request holds no events / 请求中没有事件', 400, one('events', 'empty')),
  tooManyEvents: (max: number, got: number) => {
    const message = `At most ${max} events per request, got ${got} / 每次最多 ${max} 条事件`;
    return new DomainError('TELEPHONY.TOO_MANY_EVENTS', message, 413, one('events', message));
  },
  tooManyRecords: (max: number, got: number) => {
    const message = `At most ${max} records per request, got ${got} / 每次最多 ${max} 条记录`;
    return new DomainError('TELEPHONY.TOO_MANY_RECORDS', message, 413, one('records', message));
  },
  /** Nothing in the request could be used: the request as a whole failed (the per-item report rides along). */
  eventsRejected: (details: ErrorDetail[], report: Record<string, unknown>) =>
    new DomainError('TELEPHONY.EVENTS_REJECTED', 'Nothing in the request is valid / 请求中的内容均无效', 400, details).with(report),
  callNotFound: (callId: string) => new NotFoundError('TELEPHONY.CALL_NOT_FOUND', `No call ${callId} / 未找到通话 ${callId}`),
  badCallId: (message: string) => new DomainError('TELEPHONY.BAD_CALL_ID', message, 400, one('callId', message)),
  notSetAside: (callId: string) => new NotFoundError('TELEPHONY.CALL_NOT_SET_ASIDE', `Call ${callId} is not set aside / 通话 ${callId} 未被搁置`),
  badWindow: () => new DomainError('TELEPHONY.BAD_WINDOW', 'to must be after from / 结束时间须晚于开始时间', 400, one('to', 'must be after from')),
  windowTooLong: (days: number) =>
    new DomainError('TELEPHONY.WINDOW_TOO_LONG', `At most ${days} days per query / 每次最多查询 ${days} 天`, 400, one('to', `window longer than ${days} days`)),
  badInstant: (path: string) =>
    new DomainError('TELEPHONY.BAD_INSTANT', `${path} needs a date or an instant with offset / ${path} 须为日期或带时区的时间`, 400, one(path, 'expected yyyy-mm-dd or an ISO-8601 instant with offset')),
  /** The window of a statistics query cannot be used. */
  window: (w: WindowProblem) =>
    w.problem === 'bad-instant' ? TelephonyErrors.badInstant(w.path) : w.problem === 'not-after' ? TelephonyErrors.badWindow() : TelephonyErrors.windowTooLong(w.maxDays),
  recordingNotFound: (callId: string) => new NotFoundError('TELEPHONY.RECORDING_NOT_FOUND', `Call ${callId} has no recording / 通话 ${callId} 没有录音`),
  recordingFileMissing: (callId: string) =>
    new NotFoundError('TELEPHONY.RECORDING_FILE_MISSING', `The recording of call ${callId} is not in the recordings directory / 录音目录中找不到通话 ${callId} 的录音文件`),
  /** The recording names a place outside the recordings directory (`..`, another absolute path, a symlink out of it). */
  recordingPathRefused: (callId: string) =>
    new DomainError('TELEPHONY.RECORDING_PATH_REFUSED', `The recording of call ${callId} lies outside the recordings directory / 通话 ${callId} 的录音不在录音目录内`, 403),
  /** A store this service does not read yet (S3, HTTP, another host's file): documented, not a fault. */
  recordingStoreUnsupported: (scheme: string) =>
    new DomainError('TELEPHONY.RECORDING_STORE_UNSUPPORTED', `Recordings in ${scheme}: storage cannot be played here yet / 暂不支持播放 ${scheme} 存储中的录音`, 501),
  rangeNotSatisfiable: (size: number) =>
    new DomainError('TELEPHONY.RANGE_NOT_SATISFIABLE', `The recording has ${size} bytes; the range asked for is not in it / 请求的字节范围超出录音长度 (${size} 字节)`, 416, one('range', `the file has ${size} bytes`)),
  forbiddenAgent: () =>
    new DomainError('TELEPHONY.NOT_YOUR_CALLS', 'Agents may read only their own calls / 坐席只能查看自己的通话', 403, one('agentId', 'not your agent id')),
};
