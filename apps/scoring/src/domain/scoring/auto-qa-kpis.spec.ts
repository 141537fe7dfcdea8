import { DEFAULT_POLICY } from '../policy/default-policy';
import { autoQaKpis } from './kpis';

describe('autoQaKpis (issue 19, hand-worked)', () => {
  it('script adherence is passed ÷ judged × 100 and forbidden phrases per 100 checked calls, two decimals', () => {
    // Three calls: scripts 2/2, 1/2, 0/1 → 3 of 5 = 60.00 %; forbidden 1 + 0 + 1 = 2 over 3 calls → 66.666… → 66.67.
    const k = autoQaKpis({ callIds: ['c1', 'c2', 'c3'], scriptChecks: 5, scriptPassed: 3, forbiddenPhrases: 2, complaintRiskCalls: 1 });
    expect(k).toEqual({
      autoQaCallsChecked: { value: 3, calls: 'autoQaChecked' },
      autoQaScriptAdherencePct: { value: 60, calls: 'autoQaChecked' },
      autoQaForbiddenPer100Calls: { value: 66.67, calls: 'autoQaChecked' },
      autoQaComplaintRiskCalls: { value: 1, calls: 'autoQaChecked' },
    });
  });

  it('rounds half up: 2 of 3 scripts → 66.67 %, 1 phrase in 800 calls → 0.125 → 0.13', () => {
    const ids = Array.from({ length: 800 }, (_, i) => `c${i}`);
    const k = autoQaKpis({ callIds: ids, scriptChecks: 3, scriptPassed: 2, forbiddenPhrases: 1, complaintRiskCalls: 0 });
    expect(k.autoQaScriptAdherencePct.value).toBe(66.67);
    expect(k.autoQaForbiddenPer100Calls.value).toBe(0.13);
  });

  it('null without a denominator: no script judged, no call checked', () => {
    expect(autoQaKpis({ callIds: ['c1'], scriptChecks: 0, scriptPassed: 0, forbiddenPhrases: 0, complaintRiskCalls: 0 }).autoQaScriptAdherencePct.value).toBeNull();
    const none = autoQaKpis(undefined);
    expect(none.autoQaCallsChecked.value).toBe(0);
    expect(none.autoQaScriptAdherencePct.value).toBeNull();
    expect(none.autoQaForbiddenPer100Calls.value).toBeNull();
  });

  it('counts in nothing by default: the policy switch is off', () => {
    expect(DEFAULT_POLICY.autoQa.countsInProfessionalism).toBe(false);
  });
});
