import { DEFAULT_QA_POLICY } from '../policy/qa-policy';
import { DEFAULT_CATALOGUE, type CatalogueItem } from './catalogue';
import { issuerOverturned } from './issuer-overturned';

const item = (code: string) => DEFAULT_CATALOGUE.find((c) => c.code === code)!;
const AT = new Date('2026-10-12T03:00:00Z');
const upheld = { decidedBy: 'H01', at: AT };

describe('issuerOverturned (rules.md §9)', () => {
  it('records −10 ISSUER_OVERTURNED against the issuer, issued by hr, tied to the voided record, once by id', () => {
    expect(issuerOverturned(DEFAULT_QA_POLICY, item('ISSUER_OVERTURNED'), { recordId: 'r-1', issuerId: 'S01' }, upheld)).toEqual({
      recordId: 'overturn-r-1', agentId: 'S01', code: 'ISSUER_OVERTURNED', kind: 'adjustment', amountFen: 0, points: -10, warning: false,
      occurredAt: AT, callId: null, note: '申诉成立, 记录 r-1 作废 / appeal upheld, record r-1 voided', evidence: null, issuerId: 'H01',
      causedByRecordId: 'r-1', labelZh: '所开奖罚单被申诉推翻(口头警告)', labelEn: 'A record you issued was overturned on appeal (verbal warning)',
      scorecardPart: null, category: 'appeal', date: null,
    });
  });

  it("a QA inspector's overturned record costs the inspector", () => {
    expect(issuerOverturned(DEFAULT_QA_POLICY, item('ISSUER_OVERTURNED'), { recordId: 'r-2', issuerId: 'Q01' }, upheld)).toMatchObject({ agentId: 'Q01', points: -10 });
  });

  it("takes kind, amount and points from the catalogue item the policy names (a tenant's figures)", () => {
    const policy = { conduct: { ...DEFAULT_QA_POLICY.conduct, issuerOverturnedCode: 'OVERTURN_FINE' } };
    const fine: CatalogueItem = { ...item('ISSUER_OVERTURNED'), code: 'OVERTURN_FINE', kind: 'penalty', amount: 12.5, points: 0, scorecardPart: 'conduct' };
    expect(issuerOverturned(policy, fine, { recordId: 'r-3', issuerId: 'S02' }, upheld)).toMatchObject({
      code: 'OVERTURN_FINE', kind: 'penalty', amountFen: 1250, points: 0, scorecardPart: null, // always the issuer's own month
    });
  });

  it('records nothing when the catalogue lacks the code, or the item is not the one the policy names', () => {
    expect(issuerOverturned(DEFAULT_QA_POLICY, null, { recordId: 'r-4', issuerId: 'S01' }, upheld)).toBeNull();
    expect(issuerOverturned(DEFAULT_QA_POLICY, item('NOISE'), { recordId: 'r-4', issuerId: 'S01' }, upheld)).toBeNull();
  });
});
