import { groupInputs, inputsOf, scorecardView } from './scorecard-view';
import { distribution, mean, teamRows } from './team-stats';

const card = {
  agentId: 'A1001',
  period: '2026-10',
  status: 'provisional',
  totalScore: 91.5,
  grade: 'excellent',
  levelBefore: 'regular',
  levelAfter: 'one-star',
  kpis: { answerRate: { value: 0.97, inputs: { calls: ['c-1', 'c-2'] } } },
  components: [{ code: 'QA', score: 9.1, inputs: [{ kind: 'evaluation', id: 'ev-1' }] }],
  pay: { currency: 'CNY', total: 1700, lines: [
    { code: 'BASE', amount: 1100, inputs: [] },
    { code: 'FULL_ATTENDANCE', amount: 100, inputs: { attendanceDays: ['2026-10-01', '2026-10-02'] } },
    { code: 'RING_UNANSWERED', amount: -20, labelZh: '响铃三声未接起', labelEn: 'Unanswered after three rings', inputIds: ['call-9'] },
  ] },
  deductions: [{ code: 'LATE', points: 5, inputs: { records: ['r-1'] } }],
};

describe('scorecardView', () => {
  it('reads total, grade, level change and pay total', () => {
    const v = scorecardView(card);
    expect(v).toMatchObject({ agentId: 'A1001', total: 91.5, grade: 'excellent', levelBefore: 'regular', levelAfter: 'one-star', payTotal: 1700 });
  });

  it('turns every KPI, component, pay line and deduction into a figure with its inputs', () => {
    const v = scorecardView(card);
    expect(v.figures.map((f) => [f.group, f.code, f.value, f.inputs.length])).toEqual([
      ['kpi', 'answerRate', 0.97, 2],
      ['component', 'QA', 9.1, 1],
      ['pay', 'BASE', 1100, 0],
      ['pay', 'FULL_ATTENDANCE', 100, 2],
      ['pay', 'RING_UNANSWERED', -20, 1],
      ['deduction', 'LATE', 5, 1],
    ]);
    const ring = v.figures.find((f) => f.code === 'RING_UNANSWERED');
    expect(ring).toMatchObject({ unit: 'yuan', labelEn: 'Unanswered after three rings' });
  });

  it('understands inputs keyed by kind, as {kind,id} objects, or as bare ids', () => {
    expect(inputsOf({ inputs: { calls: ['c-1'], evaluations: ['e-1'], attendanceDays: ['2026-10-01'] } })).toEqual([
      { kind: 'call', id: 'c-1' }, { kind: 'evaluation', id: 'e-1' }, { kind: 'attendanceDay', id: '2026-10-01' },
    ]);
    expect(inputsOf({ sources: [{ type: 'conductRecord', id: 7 }] })).toEqual([{ kind: 'record', id: '7' }]);
    expect(inputsOf({ inputIds: ['d-1'] }, 'attendanceDay')).toEqual([{ kind: 'attendanceDay', id: 'd-1' }]);
  });

  it('groups inputs by kind in a fixed order without duplicates', () => {
    expect(groupInputs([{ kind: 'record', id: 'r' }, { kind: 'call', id: 'c' }, { kind: 'call', id: 'c' }])).toEqual([
      { kind: 'call', ids: ['c'] }, { kind: 'record', ids: ['r'] },
    ]);
  });

  it('copes with an empty or strange answer', () => {
    expect(scorecardView(null)).toMatchObject({ total: null, figures: [] });
    expect(scorecardView({ total: '88.25' }).total).toBe(88.25);
  });
});

describe('scoring’s own scorecard shape', () => {
  // As apps/scoring serves it: kpis by key, components with ids, deductions {items,…}, level decision, reasons.
  const scoring = {
    period: '2026-10', agentId: 'A1001', name: '李娜', team: 'T1', total: 78.5, grade: 'pass', gradeLabel: '合格 / pass',
    kpis: { answerRate: { value: 0.95, calls: 'answered' }, mos: { value: 4.1 } },
    components: [
      { id: 'professionalism', labelZh: '专业性', labelEn: 'Professionalism', max: 5, score: 4.2, inputIds: ['A1-ev1', 'A1-ev2'], reason: '质检平均 84% × 5 / QA average 84% × 5' },
      { id: 'attitude', labelZh: '态度', labelEn: 'Attitude', max: 35, score: 30, inputIds: ['appraisal-A1-2026-10'], reason: 'x / y' },
    ],
    adjustments: [{ code: 'MEETING_FAULT', points: -5, inputIds: ['r-9'], reason: '班前会迟到 / late for the meeting' }],
    deductions: { items: [{ code: 'LATE', points: 5, inputIds: ['day-A1-2026-10-03'], reason: '迟到 38 分钟 / late 38 min, 2026-10-03' }], monthPoints: 5, windowPoints: 5 },
    level: { levelBefore: 'regular', levelAfter: 'regular', change: 'kept', rule: null, reason: '保持 / kept' },
    pay: { currency: 'CNY', total: 1500, lines: [{ code: 'RING_UNANSWERED', amount: -20, labelZh: '响铃', labelEn: 'Ring', inputIds: ['c-7'], reason: 'r' }] },
  };
  it('reads every figure with the kind of its inputs and its reason', () => {
    const v = scorecardView(scoring);
    expect(v).toMatchObject({ total: 78.5, levelBefore: 'regular', levelAfter: 'regular', levelReason: '保持 / kept', name: '李娜' });
    const byCode = Object.fromEntries(v.figures.map((f) => [f.code, f]));
    expect(byCode.answerRate).toMatchObject({ group: 'kpi', value: 0.95, callsKpi: 'answered' });
    expect(byCode.professionalism.inputs).toEqual([{ kind: 'evaluation', id: 'A1-ev1' }, { kind: 'evaluation', id: 'A1-ev2' }]);
    expect(byCode.attitude.inputs[0].kind).toBe('appraisal');
    expect(byCode.LATE).toMatchObject({ group: 'deduction', value: 5, reason: '迟到 38 分钟 / late 38 min, 2026-10-03', inputs: [{ kind: 'attendanceDay', id: 'day-A1-2026-10-03' }] });
    expect(byCode.MEETING_FAULT).toMatchObject({ group: 'deduction', value: -5, inputs: [{ kind: 'record', id: 'r-9' }] });
    expect(byCode.RING_UNANSWERED.inputs).toEqual([{ kind: 'call', id: 'c-7' }]);
  });
});

describe('team statistics', () => {
  it('counts totals per 10-point band, 100 in the last band', () => {
    const d = distribution([55, 71, 79.99, 90, 100]);
    expect(d.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 2, 0, 2]);
  });

  it('averages the totals present', () => {
    expect(mean([90, null, 81])).toBe(85.5);
    expect(mean([null])).toBeNull();
  });

  it('reads the scorecards of the team the same way as the agent page', () => {
    expect(teamRows([card])[0]).toMatchObject({ agentId: 'A1001', total: 91.5, level: 'one-star', payTotal: 1700 });
  });
});
