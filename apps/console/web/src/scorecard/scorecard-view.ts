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
  /** The bilingual reason line scoring gives ("迟到 38 分钟 / late 38 min, 2026-10-03"). */
  reason?: string;
  /** A KPI counted over calls: the `kpi` of the paged call-id list behind it. */
  callsKpi?: string;
}

export interface ScorecardView {
  agentId: string;
  period: string;
  status?: string;
  total: number | null;
  grade?: string;
  gradeLabel?: string;
  levelBefore?: string;
  levelAfter?: string;
  levelReason?: string;
  name?: string;
  team?: string;
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

/**
 * What bare input ids of a figure are, by the figure: scoring lists raw ids (a day's, a call's, a
 * record's) under each figure, and the figure says which kind they are.
 */
export function kindForFigure(group: FigureGroup, code: string): InputKind {
  const c = code.toUpperCase();
  if (/^(LATE|EARLY_LEAVE|ABSENT|FULL_ATTENDANCE)/.test(c) || c.includes('ATTENDANCE')) return 'attendanceDay';
  if (/RING|HOLD|CALL/.test(c)) return 'call';
  if (group === 'component') {
    if (/PROFESSIONALISM|QA|EVALUATION/.test(c)) return 'evaluation';
    if (/ATTITUDE|CAPABILITY|APPRAISAL/.test(c)) return 'appraisal';
    if (/COMPLAINT/.test(c)) return 'complaint';
  }
  return group === 'kpi' ? 'call' : 'record';
}

/** Every input a figure names, whatever shape the figure carries them in. */
export function inputsOf(figure: Obj, bareKind: InputKind = 'other'): InputRef[] {
  const out: InputRef[] = [];
  for (const key of ['inputs', 'sources', 'inputIds', 'sourceIds', 'evidence']) {
    const v = figure[key];
    if (Array.isArray(v)) {
      for (const x of v) {
        if (typeof x === 'string') out.push({ kind: bareKind, id: x });
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
    return {
      group, code, labelZh: str(o.labelZh), labelEn: str(o.labelEn), value, unit: str(o.unit) === 'yuan' ? 'yuan' : unit,
      inputs: inputsOf(o, kindForFigure(group, code)), reason: str(o.reason), callsKpi: str(o.calls),
    };
  });
}

export function scorecardView(raw: unknown): ScorecardView {
  const r = isObj(raw) ? raw : {};
  const pay = isObj(r.pay) ? r.pay : {};
  const level = isObj(r.level) ? r.level : {};
  // Deductions come as a list or as `{ items, monthPoints, windowPoints }`; adjustments (±points) sit beside them.
  const deductions = isObj(r.deductions) && Array.isArray(r.deductions.items) ? r.deductions.items : r.deductions;
  return {
    agentId: str(r.agentId) ?? '',
    period: str(r.period) ?? '',
    status: str(r.status),
    name: str(r.name),
    team: str(r.team),
    total: num(r.totalScore) ?? num(r.total) ?? num(r.score),
    grade: str(r.grade),
    gradeLabel: str(r.gradeLabel),
    levelBefore: str(r.levelBefore) ?? str(level.levelBefore) ?? str(level.before),
    levelAfter: str(r.levelAfter) ?? str(level.levelAfter) ?? str(level.after) ?? str(r.level),
    levelReason: str(level.reason),
    payTotal: num(pay.total),
    figures: [
      ...figuresOf('kpi', r.kpis, 'raw'),
      ...figuresOf('component', r.components ?? r.componentScores, 'score'),
      ...figuresOf('pay', pay.lines ?? r.payLines, 'yuan'),
      ...figuresOf('deduction', [...(Array.isArray(deductions) ? deductions : []), ...(Array.isArray(r.adjustments) ? r.adjustments : [])], 'points'),
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
