import { payrollCsvHeader, payrollCsvRows, textCell, yuanText } from './payroll-csv';

describe('payroll CSV', () => {
  it('writes one row per pay line with two-decimal yuan and the pay total', () => {
    const rows = payrollCsvRows('2026-10', { agentId: 'A1', revision: 2, pay: { lines: [{ code: 'BASE', amount: 1100 }, { code: 'PENALTY', amount: -50.5 }], total: 1049.5 } });
    expect(payrollCsvHeader()).toBe('agentId,period,revision,code,amount,total\r\n');
    expect(rows).toBe('A1,2026-10,2,BASE,1100.00,1049.50\r\nA1,2026-10,2,PENALTY,-50.50,1049.50\r\n');
    expect(payrollCsvRows('2026-10', { agentId: 'S01', revision: 1, pay: { lines: [], total: 0 } })).toBe('');
  });

  it('keeps money exact and text harmless', () => {
    expect([yuanText(0.1 + 0.2), yuanText(-0.5), yuanText(0), yuanText(1e6), yuanText(12.345)]).toEqual(['0.30', '-0.50', '0.00', '1000000.00', '12.35']);
    expect([textCell('A,1'), textCell('say "hi"'), textCell('=SUM(A1)'), textCell('-1'), textCell('李娜')]).toEqual(['"A,1"', '"say ""hi"""', "'=SUM(A1)", "'-1", '李娜']);
  });
});
