import { IANAZone } from 'luxon';
import { LEVELS, type ErrorDetail } from '@app/contracts';
import { sum, toCents } from '../numbers';
import { isPeriod } from '../period';
import { DEFAULT_POLICY } from './default-policy';
import type { ComponentDef, ScoringPolicy } from './scoring-policy';

const SOURCE_KINDS = ['appraisal-section', 'appraisal-total', 'qa-average', 'knowledge', 'satisfaction', 'team-satisfaction', 'hr', 'workload', 'record-part'];
/** Keys of the default document that a policy may leave out. */
const OPTIONAL = new Set([
  'scorecards.shift-lead', 'scorecards.supervisor', 'scorecards.agent.payGrid', 'scorecards.shift-lead.payGrid', 'scorecards.shift-lead.roles',
  'scorecards.supervisor.payGrid', 'scorecards.supervisor.roles',
  // Documents written before issue 19 have no switch: withDefaults gives them the default's (off).
  'autoQa',
]);
/** Objects whose entries are checked by the semantic rules rather than the default's shape. */
const FREE = new Set(['catalogue', 'telephony', 'deductions.computedTwins']);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field the default policy has must be present with the same type; numbers finite and ≥ 0. */
function checkShape(value: unknown, template: unknown, path: string, errors: ErrorDetail[]): void {
  if (Array.isArray(template)) {
    if (!Array.isArray(value)) errors.push({ path, message: 'must be an array' });
    return;
  }
  if (isObject(template)) {
    if (!isObject(value)) return void errors.push({ path, message: 'must be an object' });
    if (FREE.has(path)) return;
    for (const [key, t] of Object.entries(template)) {
      const p = path ? `${path}.${key}` : key;
      if (value[key] === undefined) {
        if (!OPTIONAL.has(p)) errors.push({ path: p, message: 'is required' });
        continue;
      }
      checkShape(value[key], t, p, errors);
    }
    return;
  }
  if (typeof template === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ path, message: 'must be a number' });
    else if (value < 0) errors.push({ path, message: 'must not be negative' });
    else if (Math.abs(toCents(value) - value * 100) > 1e-6) errors.push({ path, message: 'has at most two decimals' });
    return;
  }
  if (template === null) return;
  if (typeof value !== typeof template) errors.push({ path, message: `must be a ${typeof template}` });
}

function checkComponents(components: ComponentDef[], path: string, totalMax: number, errors: ErrorDetail[]): void {
  if (!Array.isArray(components) || components.length === 0) return void errors.push({ path, message: 'needs at least one component' });
  components.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!isObject(c)) return void errors.push({ path: p, message: 'must be an object' });
    if (typeof c.id !== 'string' || !c.id) errors.push({ path: `${p}.id`, message: 'is required' });
    if (typeof c.labelZh !== 'string' || typeof c.labelEn !== 'string') errors.push({ path: `${p}.labelZh`, message: 'labelZh and labelEn are required' });
    if (c.max === undefined) errors.push({ path: `${p}.max`, message: 'the weight is required' });
    else if (typeof c.max !== 'number' || !Number.isFinite(c.max) || c.max < 0) errors.push({ path: `${p}.max`, message: 'must be a number ≥ 0' });
    if (!isObject(c.source) || !SOURCE_KINDS.includes(String(c.source.kind))) errors.push({ path: `${p}.source.kind`, message: `must be one of ${SOURCE_KINDS.join(', ')}` });
    else for (const [k, v] of Object.entries(c.source)) if (typeof v === 'number' && (v < 0 || !Number.isFinite(v))) errors.push({ path: `${p}.source.${k}`, message: 'must not be negative' });
  });
  const weights = components.map((c) => (isObject(c) && typeof c.max === 'number' ? c.max : 0));
  if (toCents(sum(weights)) !== toCents(totalMax)) errors.push({ path, message: `weights add up to ${sum(weights)}, not totalMax ${totalMax}` });
}

/** Validates a policy document; every error names the bad field's path. */
export function validatePolicy(doc: unknown): { policy: ScoringPolicy | null; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  checkShape(doc, DEFAULT_POLICY, '', errors);
  if (!isObject(doc)) return { policy: null, errors };
  const p = doc as unknown as ScoringPolicy;
  if (typeof p.name === 'string' && !/^[a-z0-9][a-z0-9-]{0,40}$/.test(p.name)) errors.push({ path: 'name', message: 'lower-case letters, digits and dashes' });
  if (p.effectiveFrom !== undefined && !isPeriod(p.effectiveFrom)) errors.push({ path: 'effectiveFrom', message: 'must be a month yyyy-mm' });
  if (typeof p.timeZone === 'string' && !IANAZone.isValidZone(p.timeZone)) errors.push({ path: 'timeZone', message: 'must be an IANA time zone' });
  if (typeof p.closeDay === 'number' && (!Number.isInteger(p.closeDay) || p.closeDay < 1 || p.closeDay > 28)) errors.push({ path: 'closeDay', message: 'must be a whole day 1–28' });
  if (isObject(p.scorecards) && typeof p.totalMax === 'number') {
    for (const key of ['agent', 'shift-lead', 'supervisor'] as const) {
      if (p.scorecards[key] === undefined) continue;
      checkComponents(p.scorecards[key]!.components, `scorecards.${key}.components`, p.totalMax, errors);
    }
  }
  if (Array.isArray(p.grades)) {
    if (p.grades.length === 0) errors.push({ path: 'grades', message: 'needs at least one grade' });
    p.grades.forEach((g, i) => {
      if (typeof g?.code !== 'string') errors.push({ path: `grades[${i}].code`, message: 'is required' });
      if (typeof g?.min !== 'number' || g.min < 0) errors.push({ path: `grades[${i}].min`, message: 'must be a number ≥ 0' });
      if (typeof g?.payDeduction !== 'number' || g.payDeduction < 0) errors.push({ path: `grades[${i}].payDeduction`, message: 'must be an amount ≥ 0' });
    });
    if (!p.grades.some((g) => g?.min === 0)) errors.push({ path: 'grades', message: 'one grade must start at 0' });
  }
  if (isObject(p.levels) && Array.isArray(p.levels.order)) {
    const known = new Set<string>(LEVELS);
    p.levels.order.forEach((l, i) => !known.has(l) && errors.push({ path: `levels.order[${i}]`, message: `unknown level ${l}` }));
    (p.levels.demotions ?? []).forEach((d, i) => {
      if (!known.has(d?.to)) errors.push({ path: `levels.demotions[${i}].to`, message: 'unknown level' });
      if (!Array.isArray(d?.from)) errors.push({ path: `levels.demotions[${i}].from`, message: 'must be a list of levels' });
    });
  }
  if (isObject(p.pay) && Array.isArray(p.pay.awards)) {
    p.pay.awards.forEach((a, i) => {
      if (typeof a?.amount !== 'number' || a.amount < 0) errors.push({ path: `pay.awards[${i}].amount`, message: 'must be an amount ≥ 0' });
      if (!Number.isInteger(a?.rank) || a.rank < 1) errors.push({ path: `pay.awards[${i}].rank`, message: 'must be a rank ≥ 1' });
    });
  }
  if (isObject(p.catalogue)) {
    for (const [code, v] of Object.entries(p.catalogue)) {
      if (v?.amount !== undefined && (typeof v.amount !== 'number' || v.amount < 0)) errors.push({ path: `catalogue.${code}.amount`, message: 'must be an amount ≥ 0' });
      if (v?.points !== undefined && typeof v.points !== 'number') errors.push({ path: `catalogue.${code}.points`, message: 'must be a number' });
    }
  }
  for (const section of ['attendance', 'qa'] as const) {
    if (p[section] !== undefined && !isObject(p[section])) errors.push({ path: section, message: 'must be an object of that service\'s parameters' });
  }
  if (isObject(p.deductions) && isObject(p.deductions.computedTwins)) {
    for (const [code, ref] of Object.entries(p.deductions.computedTwins)) {
      if (ref !== 'date' && ref !== 'call') errors.push({ path: `deductions.computedTwins.${code}`, message: 'must be date or call' });
    }
  }
  // Issue 19: how the automatic evaluation would count is not agreed yet; the switch exists, off, and on is refused.
  if (isObject(p.autoQa) && p.autoQa.countsInProfessionalism === true) {
    errors.push({ path: 'autoQa.countsInProfessionalism', message: 'counting the automatic evaluation is not supported yet; must be false' });
  }
  if (isObject(p.telephony)) {
    for (const [k, v] of Object.entries(p.telephony)) if (typeof v === 'number' && !(v > 0)) errors.push({ path: `telephony.${k}`, message: 'must be positive' });
  }
  return { policy: errors.length ? null : p, errors };
}
