/**
 * The scorecard as scoring sends it (contracts.md § scoring: KPIs, component scores, total, grade,
 * level, pay lines, deductions, and for every figure the ids of its inputs), turned into one list
 * of figures the page can show and open. Tolerant of shape: arrays or maps, `inputs` as a list of
 * ids, of `{ kind, id }`, or as lists keyed by kind.
 */
export type InputKind = 'call' | 'evaluation' | 'record' | 'attendanceDay' | 'appraisal' | 'complaint' | 'other';

export interface InputRef {
  kind: InputKind;
  id: string;
}

export type FigureGroup = 'kpi' | 'component' | 'pay' | 'deduction';

export interface Figure {
  group: FigureGroup;
  code: string;
  labelZh?: string;
  labelEn?: string;
  value: number | string | null;
  unit: 'yuan' | 'score' | 'points' | 'raw';
  inputs: InputRef[];
}

export interface ScorecardView {
  agentId: string;
  period: string;
  status?: string;
  total: number | null;
  grade?: string;
  levelBefore?: string;
  levelAfter?: string;
  payTotal: number | null;
  figures: Figure[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function kindOf(key: string): InputKind {
  const k = key.toLowerCase();
  if (k.includes('call')) return 'call';
  if (k.includes('eval')) return 'evaluation';
  if (k.includes('appraisal')) return 'appraisal';
  if (k.includes('complaint')) return 'complaint';
  if (k.includes('record') || k.includes('conduct')) return 'record';
  if (k.includes('day') || k.includes('attendance')) return 'attendanceDay';
  return 'other';
}

/** Every input a figure names, whatever shape the figure carries them in. */
export function inputsOf(figure: Obj): InputRef[] {
  const out: InputRef[] = [];
  for (const key of ['inputs', 'sources', 'inputIds', 'sourceIds', 'evidence']) {
    const v = figure[key];
    if (Array.isArray(v)) {
      for (const x of v) {
        if (typeof x === 'string') out.push({ kind: kindOf(x), id: x });
        else if (isObj(x) && (typeof x.id === 'string' || typeof x.id === 'number')) out.push({ kind: kindOf(String(x.kind ?? x.type ?? '')), id: String(x.id) });
      }
    } else if (isObj(v)) {
      for (const [k, ids] of Object.entries(v)) if (Array.isArray(ids)) for (const id of ids) out.push({ kind: kindOf(k), id: String(id) });
    }
  }
  return out;
}

function figuresOf(group: FigureGroup, raw: unknown, unit: Figure['unit']): Figure[] {
  const entries: Array<[string, unknown]> = Array.isArray(raw)
    ? raw.map((x, i) => [str((x as Obj)?.code) ?? str((x as Obj)?.id) ?? str((x as Obj)?.name) ?? String(i), x])
    : isObj(raw)
      ? Object.entries(raw)
      : [];
  return entries.map(([code, x]) => {
    const o = isObj(x) ? x : { value: x };
    const value = num(o.value) ?? num(o.amount) ?? num(o.score) ?? num(o.points) ?? (typeof o.value === 'string' ? o.value : null);
    return { group, code, labelZh: str(o.labelZh), labelEn: str(o.labelEn), value, unit: str(o.unit) === 'yuan' ? 'yuan' : unit, inputs: inputsOf(o) };
  });
}

export function scorecardView(raw: unknown): ScorecardView {
  const r = isObj(raw) ? raw : {};
  const pay = isObj(r.pay) ? r.pay : {};
  const level = isObj(r.level) ? r.level : {};
  return {
    agentId: str(r.agentId) ?? '',
    period: str(r.period) ?? '',
    status: str(r.status),
    total: num(r.totalScore) ?? num(r.total) ?? num(r.score),
    grade: str(r.grade),
    levelBefore: str(r.levelBefore) ?? str(level.before),
    levelAfter: str(r.levelAfter) ?? str(level.after) ?? str(r.level),
    payTotal: num(pay.total),
    figures: [
      ...figuresOf('kpi', r.kpis, 'raw'),
      ...figuresOf('component', r.components ?? r.componentScores, 'score'),
      ...figuresOf('pay', pay.lines ?? r.payLines, 'yuan'),
      ...figuresOf('deduction', r.deductions, 'points'),
    ],
  };
}

/** Inputs grouped by kind, in a fixed order, for the drill-down drawer. */
export function groupInputs(inputs: InputRef[]): Array<{ kind: InputKind; ids: string[] }> {
  const order: InputKind[] = ['call', 'evaluation', 'record', 'attendanceDay', 'appraisal', 'complaint', 'other'];
  return order
    .map((kind) => ({ kind, ids: [...new Set(inputs.filter((i) => i.kind === kind).map((i) => i.id))] }))
    .filter((g) => g.ids.length > 0);
}
