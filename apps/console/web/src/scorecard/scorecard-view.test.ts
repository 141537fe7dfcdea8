import { cardKindOf, groupInputs, inputsOf, scorecardView, teamMembers } from './scorecard-view';
import { distribution, kindsIn, mean, splitByTab, teamRows } from './team-stats';

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
    expect(byCode.MEETING_FAULT).toMatchObject({ group: 'adjustment', value: -5, inputs: [{ kind: 'record', id: 'r-9' }] });
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

describe('issue 16: the supervisor card, ranks, award bar, forfeit and dismissal', () => {
  // As scoring serves a supervisor's (or QA inspector's) card: no pay lines, no star levels.
  const supervisorCard = {
    period: '2026-10', agentId: 'S01', name: '张伟', team: 'T1', role: 'supervisor', scorecard: 'supervisor', total: 78, grade: 'pass', gradeLabel: '合格 / pass',
    rank: 2, awardRank: 1, rank1Streak: 0, flags: [], alerts: [],
    kpis: { rated: { value: 0, calls: 'rated' } },
    components: [
      { id: 'appraisal', labelZh: '主管考核', labelEn: 'Main appraisal', max: 80, score: 64, inputIds: ['appraisal-S01-2026-10'], reason: '主管考核 56/70 / Main appraisal 56 of 70' },
      { id: 'satisfaction', labelZh: '团队客户满意度', labelEn: 'Team satisfaction', max: 10, score: 9, inputIds: ['A1001', 'A1002'], reason: '团队 2 人, 好评率 90% / team of 2, good rate 90%' },
      { id: 'hr', labelZh: '人事行政', labelEn: 'HR / administration', max: 10, score: 10, inputIds: [], reason: '扣分 0 / 0 deduction point(s)' },
    ],
    adjustments: [
      { code: 'ISSUER_OVERTURNED', points: -10, inputIds: ['rec-7'], reason: '所开奖罚单被推翻 -10 / overturned, 2026-10-09' },
      { code: 'ISSUER_OVERTURNED', points: -10, inputIds: ['rec-8'], reason: '所开奖罚单被推翻 -10 / overturned, 2026-10-12' },
      { code: 'TEAM_VALID_COMPLAINTS', points: -1, inputIds: ['cmp-1'], reason: '团队有效投诉 1 次 × −1 / 1 valid complaint(s) against the team × −1' },
    ],
    deductions: { items: [], monthPoints: 0, windowPoints: 0 },
    level: { levelBefore: 'regular', levelAfter: 'regular', change: 'kept', rule: null, reason: '此记分卡不设星级 / no star levels on this scorecard' },
    pay: { currency: 'CNY', lines: [], total: 0 },
  };

  it('reads the kind of card, the rank among leads, and says the card has no pay lines instead of ¥0', () => {
    const v = scorecardView(supervisorCard);
    expect(v).toMatchObject({ card: 'supervisor', role: 'supervisor', rank: 2, total: 78, grade: 'pass', noPayLines: true, payTotal: null });
    expect(v.figures.filter((f) => f.group === 'pay')).toEqual([]);
  });

  it('opens the team members behind the satisfaction figure, the records behind an overturn and the complaints behind the team adjustment', () => {
    const v = scorecardView(supervisorCard);
    const sat = v.figures.find((f) => f.code === 'satisfaction')!;
    expect(sat.inputs).toEqual([{ kind: 'teamMember', id: 'A1001' }, { kind: 'teamMember', id: 'A1002' }]);
    expect(groupInputs(sat.inputs)).toEqual([{ kind: 'teamMember', ids: ['A1001', 'A1002'] }]);
    expect(v.figures.find((f) => f.code === 'appraisal')!.inputs).toEqual([{ kind: 'appraisal', id: 'appraisal-S01-2026-10' }]);
    const adj = v.figures.filter((f) => f.group === 'adjustment');
    expect(adj.map((f) => [f.code, f.value, f.inputs])).toEqual([
      ['ISSUER_OVERTURNED', -10, [{ kind: 'record', id: 'rec-7' }]],
      ['ISSUER_OVERTURNED', -10, [{ kind: 'record', id: 'rec-8' }]],
      ['TEAM_VALID_COMPLAINTS', -1, [{ kind: 'complaint', id: 'cmp-1' }]],
    ]);
    // Two figures of one code are still two rows.
    expect(new Set(v.figures.map((f) => f.key)).size).toBe(v.figures.length);
  });

  it('reads an agent’s satisfaction inputs as before: only a lead’s satisfaction is a team', () => {
    const v = scorecardView({ ...supervisorCard, scorecard: 'agent' });
    expect(v.figures.find((f) => f.code === 'satisfaction')!.inputs[0].kind).not.toBe('teamMember');
    expect(v.noPayLines).toBe(false);
  });

  it('reads both ranks, the award bar, a forfeited month and a dismissal alert on an agent card', () => {
    const v = scorecardView({
      agentId: 'A1003', scorecard: 'agent', total: 92, rank: 1, awardRank: null, flags: ['AWARD_BARRED'],
      alerts: [{ kind: 'scoring.dismissal', severity: 'critical', title: '辞退: 泄露公司机密 / Dismissal: leaking secrets', body: 'A1003 2026-10', facts: {} }, { kind: 7 }],
      pay: { currency: 'CNY', total: 0, lines: [
        { code: 'BASE', amount: 1100, inputIds: [] },
        { code: 'FORFEIT', amount: -1100, labelZh: '扣除当月工资', labelEn: 'Month\'s pay forfeited', inputIds: ['leak-1'], reason: '扣除当月工资 / forfeited' },
      ] },
    });
    expect(v).toMatchObject({ card: 'agent', rank: 1, awardRank: null, flags: ['AWARD_BARRED'], payTotal: 0, noPayLines: false });
    expect(v.alerts).toEqual([{ kind: 'scoring.dismissal', severity: 'critical', title: '辞退: 泄露公司机密 / Dismissal: leaking secrets' }]);
    expect(v.figures.find((f) => f.code === 'FORFEIT')).toMatchObject({ group: 'pay', value: -1100, unit: 'yuan', inputs: [{ kind: 'record', id: 'leak-1' }] });
  });

  it('takes a card without a kind (closed before issue 16) for an agent card', () => {
    expect(cardKindOf({ agentId: 'A1' })).toBe('agent');
    expect(cardKindOf({ scorecard: 'shift-lead' })).toBe('shift-lead');
    expect(cardKindOf({ scorecard: 'director' })).toBe('agent');
    expect(scorecardView({ agentId: 'A1' })).toMatchObject({ card: 'agent', rank: null, awardRank: null, flags: [], alerts: [] });
  });

  it('lists the team members with their names and ratings when the month’s cards are at hand, bare ids otherwise', () => {
    const month = [{ agentId: 'A1001', name: '李娜', team: 'T1', kpis: { rated: { value: 10 }, goodRatePct: { value: 90 } } }];
    expect(teamMembers(['A1001', 'A1002', 'A1001'], month)).toEqual([
      { agentId: 'A1001', name: '李娜', team: 'T1', rated: 10, goodRatePct: 90 },
      { agentId: 'A1002', name: undefined, team: undefined, rated: null, goodRatePct: null },
    ]);
  });

  it('puts agents and shift leads on one tab and supervisors and QA on the other, with their kinds for the filter', () => {
    const rows = teamRows([
      { ...card, scorecard: 'agent', rank: 2, awardRank: 1 },
      { agentId: 'L1', scorecard: 'shift-lead', total: 80, rank: 1, awardRank: null, flags: ['AWARD_BARRED'] },
      supervisorCard,
      { ...supervisorCard, agentId: 'Q01', role: 'qa', rank: 1 },
    ]);
    const tabs = splitByTab(rows);
    expect(tabs.agents.map((r) => [r.agentId, r.card, r.rank, r.awardRank])).toEqual([['A1001', 'agent', 2, 1], ['L1', 'shift-lead', 1, null]]);
    expect(tabs.leads.map((r) => [r.agentId, r.role, r.rank, r.payTotal, r.level])).toEqual([['S01', 'supervisor', 2, null, undefined], ['Q01', 'qa', 1, null, undefined]]);
    expect(tabs.agents[1].flags).toEqual(['AWARD_BARRED']);
    expect(kindsIn(tabs.agents)).toEqual(['agent', 'shift-lead']);
    expect(kindsIn(tabs.leads)).toEqual(['supervisor']);
  });
});
