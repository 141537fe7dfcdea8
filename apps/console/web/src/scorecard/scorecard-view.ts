/**
 * The scorecard as scoring sends it (contracts.md § scoring: KPIs, component scores, total, grade,
 * level, pay lines, deductions, and for every figure the ids of its inputs), turned into one list
 * of figures the page can show and open. Tolerant of shape: arrays or maps, `inputs` as a list of
 * ids, of `{ kind, id }`, or as lists keyed by kind.
 */
export type InputKind = 'call' | 'evaluation' | 'record' | 'attendanceDay' | 'appraisal' | 'complaint' | 'teamMember' | 'other';

export interface InputRef {
  kind: InputKind;
  id: string;
}

/** `adjustment`: ± points beside the components (records of kind adjustment, ISSUER_OVERTURNED, TEAM_VALID_COMPLAINTS). */
export type FigureGroup = 'kpi' | 'component' | 'pay' | 'deduction' | 'adjustment';

/**
 * Which of the policy's scorecards scored the person (scoring's `scorecard`): agents by the agent card, shift
 * leads by theirs, supervisors and QA inspectors by the supervisor card (no pay lines, no star levels by default).
 * Cards from before issue 16 carry none: they are agent cards.
 */
export type CardKind = 'agent' | 'shift-lead' | 'supervisor';
export const CARD_KINDS: readonly CardKind[] = ['agent', 'shift-lead', 'supervisor'];

export interface ScorecardAlert {
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  /** Bilingual, "中文 / English". */
  title: string;
}

export interface Figure {
  /** Unique on the card: a code can come more than once (a LATE per day, an ISSUER_OVERTURNED per record). */
  key: string;
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
  /** The person's role in attendance's directory (agent, shift-lead, qa, supervisor). */
  role?: string;
  card: CardKind;
  /** The appraisal rank among everyone appraised on the same card (考核排名). */
  rank: number | null;
  /** The rank among those eligible for the month's awards (评选排名); null when barred or not appraised. */
  awardRank: number | null;
  flags: string[];
  alerts: ScorecardAlert[];
  payTotal: number | null;
  /** The card carries no pay lines at all (the supervisor card by default): say so rather than show ¥0. */
  noPayLines: boolean;
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
  if (k.includes('member')) return 'teamMember';
  if (k.includes('record') || k.includes('conduct')) return 'record';
  if (k.includes('day') || k.includes('attendance')) return 'attendanceDay';
  return 'other';
}

/**
 * What bare input ids of a figure are, by the figure: scoring lists raw ids (a day's, a call's, a
 * record's) under each figure, and the figure says which kind they are.
 */
export function kindForFigure(group: FigureGroup, code: string, card: CardKind = 'agent'): InputKind {
  const c = code.toUpperCase();
  // A lead's satisfaction is their team's good-rating rate: its inputs are the team members' ids.
  if (card === 'supervisor' && group === 'component' && c === 'SATISFACTION') return 'teamMember';
  if (group === 'adjustment' && c.includes('COMPLAINT')) return 'complaint';
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

function figuresOf(group: FigureGroup, raw: unknown, unit: Figure['unit'], card: CardKind = 'agent'): Figure[] {
  const entries: Array<[string, unknown]> = Array.isArray(raw)
    ? raw.map((x, i) => [str((x as Obj)?.code) ?? str((x as Obj)?.id) ?? str((x as Obj)?.name) ?? String(i), x])
    : isObj(raw)
      ? Object.entries(raw)
      : [];
  return entries.map(([code, x], i) => {
    const o = isObj(x) ? x : { value: x };
    const value = num(o.value) ?? num(o.amount) ?? num(o.score) ?? num(o.points) ?? (typeof o.value === 'string' ? o.value : null);
    return {
      key: `${group}:${code}:${i}`, group, code, labelZh: str(o.labelZh), labelEn: str(o.labelEn), value, unit: str(o.unit) === 'yuan' ? 'yuan' : unit,
      inputs: inputsOf(o, kindForFigure(group, code, card)), reason: str(o.reason), callsKpi: str(o.calls),
    };
  });
}

/** The card a scorecard was scored on; anything unknown (or absent, before issue 16) reads as the agent card. */
export function cardKindOf(raw: unknown): CardKind {
  const k = isObj(raw) ? raw.scorecard : undefined;
  return CARD_KINDS.includes(k as CardKind) ? (k as CardKind) : 'agent';
}

/** Supervisors and QA inspectors are scored on the supervisor card; agents and shift leads are not. */
export const isLeadCard = (card: CardKind): boolean => card === 'supervisor';

const SEVERITIES = ['info', 'warning', 'critical'] as const;
function alertsOf(raw: unknown): ScorecardAlert[] {
  return (Array.isArray(raw) ? raw : []).filter(isObj).filter((a) => typeof a.kind === 'string').map((a) => ({
    kind: a.kind as string,
    severity: SEVERITIES.includes(a.severity as ScorecardAlert['severity']) ? (a.severity as ScorecardAlert['severity']) : 'info',
    title: str(a.title) ?? '',
  }));
}

export function scorecardView(raw: unknown): ScorecardView {
  const r = isObj(raw) ? raw : {};
  const pay = isObj(r.pay) ? r.pay : {};
  const level = isObj(r.level) ? r.level : {};
  const card = cardKindOf(r);
  // Deductions come as a list or as `{ items, monthPoints, windowPoints }`; adjustments (±points) are their own group.
  const deductions = isObj(r.deductions) && Array.isArray(r.deductions.items) ? r.deductions.items : r.deductions;
  const payLines = pay.lines ?? r.payLines;
  const noPayLines = Array.isArray(payLines) ? payLines.length === 0 && isLeadCard(card) : isLeadCard(card);
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
    role: str(r.role),
    card,
    rank: num(r.rank),
    awardRank: num(r.awardRank),
    flags: Array.isArray(r.flags) ? r.flags.filter((f): f is string => typeof f === 'string') : [],
    alerts: alertsOf(r.alerts),
    payTotal: noPayLines ? null : num(pay.total),
    noPayLines,
    figures: [
      ...figuresOf('kpi', r.kpis, 'raw', card),
      ...figuresOf('component', r.components ?? r.componentScores, 'score', card),
      ...figuresOf('pay', payLines, 'yuan', card),
      ...figuresOf('deduction', Array.isArray(deductions) ? deductions : [], 'points', card),
      ...figuresOf('adjustment', r.adjustments, 'points', card),
    ],
  };
}

/** Inputs grouped by kind, in a fixed order, for the drill-down drawer. */
export function groupInputs(inputs: InputRef[]): Array<{ kind: InputKind; ids: string[] }> {
  const order: InputKind[] = ['teamMember', 'call', 'evaluation', 'record', 'attendanceDay', 'appraisal', 'complaint', 'other'];
  return order
    .map((kind) => ({ kind, ids: [...new Set(inputs.filter((i) => i.kind === kind).map((i) => i.id))] }))
    .filter((g) => g.ids.length > 0);
}

export interface TeamMember {
  agentId: string;
  name?: string;
  team?: string;
  /** Their rated calls and good-rating rate this month, when their card is at hand. */
  rated: number | null;
  goodRatePct: number | null;
}

/**
 * The team behind a lead's satisfaction figure: its member ids, each with their name and ratings from the
 * month's cards when the reader may see them (a supervisor, the manager); the bare ids otherwise.
 */
export function teamMembers(ids: string[], monthCards: unknown[]): TeamMember[] {
  const byId = new Map(monthCards.filter(isObj).map((c) => [str(c.agentId), c]));
  return [...new Set(ids)].map((agentId) => {
    const c = byId.get(agentId);
    const kpis = c && isObj(c.kpis) ? c.kpis : {};
    const kpi = (k: string) => (isObj(kpis[k]) ? num((kpis[k] as Obj).value) : num(kpis[k]));
    return { agentId, name: c ? str(c.name) : undefined, team: c ? str(c.team) : undefined, rated: kpi('rated'), goodRatePct: kpi('goodRatePct') };
  });
}
