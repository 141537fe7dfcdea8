import { MESSAGES } from './messages';
import { initialLang, pickLabel, pickLanguage, translate } from './translate';
import { codeLabel } from './code-label';

describe('translate', () => {
  it('gives each language its label and fills placeholders', () => {
    expect(translate('zh', 'nav.myScorecard')).toBe('我的考核');
    expect(translate('en', 'nav.myScorecard')).toBe('My scorecard');
    expect(translate('en', 'qa.serverScore', { score: 87.5, max: 100, percent: 87.5 })).toBe('Server score: 87.5 / 100 (87.5%)');
    expect(translate('zh', 'qa.unanswered', { n: 3 })).toBe('还有 3 项未评分');
  });

  it('leaves an unknown placeholder visible rather than inventing a value', () => {
    expect(translate('en', 'qa.unanswered')).toBe('{n} items still unanswered');
  });

  it('has every label in both languages, and the two differ where the text is words', () => {
    const missing = Object.entries(MESSAGES).filter(([, v]) => !v.zh.trim() || !v.en.trim()).map(([k]) => k);
    expect(missing).toEqual([]);
    const untranslated = Object.entries(MESSAGES).filter(([, v]) => v.zh === v.en && /[a-z]{3}/i.test(v.en) && !/Webhook|MOS/.test(v.en)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('initialLang', () => {
  it('prefers the remembered choice, then the browser, then Chinese', () => {
    expect(initialLang('en', ['zh-CN'])).toBe('en');
    expect(initialLang(null, ['en-US', 'zh-CN'])).toBe('en');
    expect(initialLang(null, ['zh-TW'])).toBe('zh');
    expect(initialLang('fr', [])).toBe('zh');
  });
});

describe('pickLanguage', () => {
  it('shows the half of a bilingual service message in the reader language', () => {
    const m = 'At most 3 swaps per month / 每月最多换班 3 次';
    expect(pickLanguage(m, 'en')).toBe('At most 3 swaps per month');
    expect(pickLanguage(m, 'zh')).toBe('每月最多换班 3 次');
    expect(pickLanguage('响铃超时 / Ring limit exceeded', 'en')).toBe('Ring limit exceeded');
  });

  it('keeps a message that is not split by language whole', () => {
    expect(pickLanguage('HTTP 500', 'zh')).toBe('HTTP 500');
    expect(pickLanguage('a / b', 'zh')).toBe('a / b');
  });
});

describe('labels of codes', () => {
  it('uses the labels the service sent, else the console’s own, else the code', () => {
    expect(codeLabel('en', 'conduct', 'LATE', '迟到', 'Late')).toBe('Late');
    expect(codeLabel('zh', 'grade', 'excellent')).toBe('优秀');
    expect(codeLabel('en', 'level', 'one-star')).toBe('One-star');
    expect(codeLabel('zh', 'pay', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(pickLabel('zh', undefined, 'only English')).toBe('only English');
  });
});

describe('issue 16 labels', () => {
  it('names both ranks, the award bar, the forfeited pay, the dismissal alert and the manager in both languages', () => {
    expect([translate('zh', 'field.awardRank'), translate('en', 'field.awardRank')]).toEqual(['评选排名', 'Award rank']);
    expect([translate('zh', 'field.rank'), translate('en', 'field.rank')]).toEqual(['考核排名', 'Appraisal rank']);
    expect(codeLabel('zh', 'flag', 'AWARD_BARRED')).toContain('评选');
    expect(codeLabel('en', 'flag', 'AWARD_BARRED')).toContain('awards');
    expect([codeLabel('zh', 'pay', 'FORFEIT'), codeLabel('en', 'pay', 'FORFEIT')]).toEqual(['扣除当月工资', 'Month’s pay forfeited']);
    expect([codeLabel('zh', 'alert', 'scoring.dismissal'), codeLabel('en', 'alert', 'scoring.dismissal')]).toEqual(['辞退', 'Dismissal']);
    expect([translate('zh', 'role.manager'), translate('en', 'role.manager')]).toEqual(['客服经理', 'Manager']);
    expect([translate('zh', 'nav.myCard'), translate('en', 'nav.myCard')]).toEqual(['我的记分卡', 'My scorecard']);
  });

  it('labels every alert kind scoring raises at month close', () => {
    const kinds = ['scoring.hr-interview', 'scoring.dismissal-review', 'scoring.points-limit', 'scoring.complaints-demotion', 'scoring.rank-streak', 'scoring.promotion-priority', 'scoring.dismissal'];
    expect(kinds.filter((k) => codeLabel('en', 'alert', k) === k || codeLabel('zh', 'alert', k) === k)).toEqual([]);
  });
});
