/** Why a day was decided as it was, in both languages (迟到 38 分钟 / late 38 min). */
export interface DayReason {
  code: string;
  zh: string;
  en: string;
}

type Args = { minutes?: number; name?: string; type?: string; reason?: string };

const TEXTS: Record<string, (a: Args) => [string, string]> = {
  OFF: () => ['休息', 'off'],
  HOLIDAY: (a) => [`节假日 ${a.name}`, `holiday ${a.name}`],
  LEAVE: (a) => [`请假 (${a.type})`, `on leave (${a.type})`],
  LEAVE_ON_SWAP_DAY: () => ['换班日请假，按旷工处理', 'leave on a swap day counts as absence'],
  NO_CLOCK: () => ['无打卡记录，旷工', 'no clock event: absent'],
  MISSED_CLOCK_IN: () => ['缺上班打卡', 'missed clock-in'],
  MISSED_CLOCK_OUT: () => ['缺下班打卡', 'missed clock-out'],
  LATE: (a) => [`迟到 ${a.minutes} 分钟`, `late ${a.minutes} min`],
  EARLY_LEAVE: (a) => [`早退 ${a.minutes} 分钟`, `left early ${a.minutes} min`],
  WORKED_TOO_LITTLE: (a) => [`仅工作 ${a.minutes} 分钟，旷工`, `worked only ${a.minutes} min: absent`],
  HALF_DAY: (a) => [`仅工作 ${a.minutes} 分钟，半天`, `worked ${a.minutes} min: half a day`],
  CORRECTED: (a) => [`主管更正：${a.reason}`, `corrected by a supervisor: ${a.reason}`],
  EXCUSED: (a) => [`已准假/免责：${a.reason}`, `excused: ${a.reason}`],
};

export function dayReason(code: keyof typeof TEXTS, args: Args = {}): DayReason {
  const [zh, en] = TEXTS[code](args);
  return { code, zh, en };
}
