import type { Client } from 'pg';

export const PERIOD = '2026-10';
/** October 2026 in Asia/Shanghai, as UTC instants. */
const FROM = '2026-09-30T16:00:00Z';

export interface MonthSize {
  agents: number;
  legs: number;
  evaluations: number;
  days: number;
  records: number;
}

/**
 * Loads a month into scoring's own fact tables in bulk (the copies its consumers keep), with
 * deterministic pseudo-random values: ring times 2–14 s (one leg in 101 past the 15 s limit), 10% missed, 40% rated, one call in 20 held (a tenth of those past the 120 s limit),
 * some late days and a mix of point, penalty, reward and adjustment records.
 */
export async function loadMonth(db: Client, size: MonthSize): Promise<void> {
  const a = size.agents;
  await db.query(
    `INSERT INTO scoring.agent (agent_id, name, team, role, level, active, version)
     SELECT 'A' || lpad(i::text, 5, '0'), '坐席 ' || i, 'T' || (i % 20), CASE WHEN i % 50 = 0 THEN 'shift-lead' ELSE 'agent' END,
            (ARRAY['trainee','regular','one-star','two-star'])[1 + i % 4], true, 1
     FROM generate_series(0, $1 - 1) i`,
    [a],
  );
  const monthSeconds = 31 * 86_400;
  const chunk = 500_000;
  for (let start = 0; start < size.legs; start += chunk) {
    const end = Math.min(size.legs, start + chunk);
    await db.query(
      `INSERT INTO scoring.call_leg (call_id, leg_no, agent_id, offered_at, answered, missed, ring_ms, talk_ms, hold_ms, longest_hold_ms, wrap_up_ms, mos, rating)
       SELECT 'c' || i, 0, 'A' || lpad((i % $3)::text, 5, '0'), $4::timestamptz + make_interval(secs => (i::bigint * 7919) % $5),
              i % 10 <> 0, i % 10 = 0, CASE WHEN i % 101 = 7 THEN 16000 + (i * 131) % 8000 ELSE 2000 + (i * 131) % 12000 END, CASE WHEN i % 10 <> 0 THEN 30000 + (i * 17) % 300000 END,
              CASE WHEN i % 20 = 0 THEN 20000 + (i * 7) % 110000 ELSE 0 END, CASE WHEN i % 20 = 0 THEN 20000 + (i * 7) % 110000 ELSE 0 END,
              CASE WHEN i % 10 <> 0 THEN 5000 + i % 30000 END, 3.0 + ((i * 37) % 150) / 100.0,
              CASE WHEN i % 5 < 2 THEN (ARRAY['excellent','good','good','fair','poor'])[1 + (i / 5) % 5] END
       FROM generate_series($1, $2 - 1) i`,
      [start, end, a, FROM, monthSeconds],
    );
  }
  await db.query(
    `INSERT INTO scoring.evaluation (evaluation_id, version, agent_id, call_id, percent, critical_fail, evaluated_at, voided)
     SELECT 'ev' || i, 1, 'A' || lpad((i % $2)::text, 5, '0'), 'c' || i, 60 + (i * 13) % 41, i % 97 = 0, $3::timestamptz + make_interval(hours => 1 + i % 700), false
     FROM generate_series(0, $1 - 1) i`,
    [size.evaluations, a, FROM],
  );
  await db.query(
    `INSERT INTO scoring.appraisal (agent_id, period, version, event_id, sections, total, any_item_zero)
     SELECT 'A' || lpad(i::text, 5, '0'), $2, 1, 'appraisal-' || i, jsonb_build_object('attitude', 20 + i % 16, 'capability', 20 + (i * 7) % 16),
            40 + i % 16 + (i * 7) % 16, i % 301 = 0
     FROM generate_series(0, $1 - 1) i`,
    [a, PERIOD],
  );
  const perAgent = Math.max(1, Math.round(size.days / a));
  await db.query(
    `INSERT INTO scoring.attendance_day (agent_id, date, version, event_id, status, late_minutes, early_leave_minutes, leave_half_day, leave_breaks_full, excused)
     SELECT 'A' || lpad(ag::text, 5, '0'), DATE '2026-10-01' + d, 1, 'day-' || ag || '-' || d,
            CASE WHEN (ag + d) % 53 = 0 THEN 'absent' WHEN (ag + d) % 41 = 0 THEN 'leave' ELSE 'present' END,
            CASE WHEN (ag * d) % 37 = 0 THEN 5 + (ag + d) % 40 ELSE 0 END, 0, false, NULL, false
     FROM generate_series(0, $1 - 1) ag, generate_series(0, $2 - 1) d`,
    [a, perAgent],
  );
  await db.query(
    `INSERT INTO scoring.conduct_record (record_id, agent_id, code, kind, amount, points, occurred_at, issuer_id, call_id, label_zh, label_en, scorecard_part)
     SELECT 'r' || i, 'A' || lpad((i % $2)::text, 5, '0'), k.code, k.kind, k.amount, k.points, $3::timestamptz + make_interval(hours => 2 + (i * 5) % 740),
            'S01', NULL, k.zh, k.en, NULL
     FROM generate_series(0, $1 - 1) i
     CROSS JOIN LATERAL (SELECT * FROM (VALUES
       (0, 'DESK_UNTIDY', 'points', 0, 1, '桌面不整洁', 'desk untidy'),
       (1, 'GAMES', 'penalty', 10, 0, '玩游戏', 'games'),
       (2, 'PRAISE_LETTER', 'reward', 50, 0, '表扬信', 'letter of praise'),
       (3, 'MEETING_FAULT', 'adjustment', 0, -5, '班前会迟到', 'late for the meeting')) AS v(n, code, kind, amount, points, zh, en) WHERE v.n = i % 4) k`,
    [size.records, a, FROM],
  );
  await db.query(
    `INSERT INTO scoring.complaint (complaint_id, version, agent_id, valid, received_at)
     SELECT 'cp' || i, 1, 'A' || lpad(((i * 37) % $2)::text, 5, '0'), i % 3 = 0, $3::timestamptz + make_interval(hours => 3 + i % 700)
     FROM generate_series(0, $1 - 1) i`,
    [Math.round(a / 10), a, FROM],
  );
  await db.query(`ANALYZE scoring.call_leg; ANALYZE scoring.attendance_day; ANALYZE scoring.evaluation; ANALYZE scoring.conduct_record`);
}
