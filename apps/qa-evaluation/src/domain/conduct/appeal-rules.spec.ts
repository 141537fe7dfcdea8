import { DEFAULT_QA_POLICY, mergePolicy } from '../policy/qa-policy';
import { appealOutcome, appealWindowEnd, checkAppeal, checkAppealDecision, type AppealedRecord } from './appeal-rules';

const written = new Date('2026-10-10T02:00:00Z');
const record = (over: Partial<AppealedRecord> = {}): AppealedRecord => ({ status: 'recorded', createdAt: written, ...over });
const code = (now: string, r = record(), policy = DEFAULT_QA_POLICY) => checkAppeal(r, new Date(now), policy)[0]?.code;

describe('checkAppeal (rules.md §9)', () => {
  it('takes an appeal within 7 days of the record, to the millisecond', () => {
    expect(appealWindowEnd(written, DEFAULT_QA_POLICY)).toEqual(new Date('2026-10-17T02:00:00Z'));
    expect(checkAppeal(record(), written, DEFAULT_QA_POLICY)).toEqual([]);
    expect(code('2026-10-17T02:00:00Z')).toBeUndefined(); // exactly 7 days
    expect(checkAppeal(record(), new Date('2026-10-17T02:00:00.001Z'), DEFAULT_QA_POLICY)).toEqual([
      { code: 'QA.APPEAL_WINDOW_CLOSED', path: 'recordId', message: 'appeals are taken within 7 days of the record / 申诉须在记录后 7 天内提出' },
    ]);
  });

  it("counts the tenant's window", () => {
    const oneDay = mergePolicy({ appeals: { windowDays: 1 } });
    expect(code('2026-10-11T02:00:00Z', record(), oneDay)).toBeUndefined();
    expect(checkAppeal(record(), new Date('2026-10-11T02:00:01Z'), oneDay)[0]?.message).toContain('within 1 days');
  });

  it('refuses a voided record before looking at the window', () => {
    expect(code('2026-10-11T02:00:00Z', record({ status: 'voided' }))).toBe('QA.RECORD_VOIDED');
    expect(code('2026-12-01T00:00:00Z', record({ status: 'voided' }))).toBe('QA.RECORD_VOIDED');
  });
});

describe('checkAppealDecision and appealOutcome', () => {
  it('decides a pending appeal once', () => {
    expect(checkAppealDecision({ status: 'pending' })).toEqual([]);
    expect(checkAppealDecision({ status: 'upheld' })).toEqual([{ code: 'QA.APPEAL_ALREADY_DECIDED', path: 'recordId', message: 'the appeal is already upheld / 申诉已处理' }]);
    expect(checkAppealDecision({ status: 'rejected' })[0].code).toBe('QA.APPEAL_ALREADY_DECIDED');
  });

  it('upheld voids the record and costs its issuer; rejected changes nothing', () => {
    expect(appealOutcome(true)).toEqual({ status: 'upheld', voidsRecord: true, costsIssuer: true });
    expect(appealOutcome(false)).toEqual({ status: 'rejected', voidsRecord: false, costsIssuer: false });
  });
});
