import type { QueryRunner } from 'typeorm';
import { ComplaintCategories1763800000500 } from '../migrations/1763800000500-complaint-categories';
import { KnowledgeErrorItem1763800000600 } from '../migrations/1763800000600-knowledge-error-item';
import { ConductRecordDateCategory1763800000700 } from '../migrations/1763800000700-conduct-record-date-category';
import { AttendanceDayCopy1763800000800 } from '../migrations/1763800000800-attendance-day-copy';
import { ListKeys1763800001000 } from '../migrations/1763800001000-list-keys';
import { AgentSupervisorIndex1763800001100 } from '../migrations/1763800001100-agent-supervisor-index';
import { QA_MIGRATIONS } from '../migrations';
import { startQa, type QaHarness } from './qa-harness';

/** Issue 16's migrations on a database the service has already migrated: each one down and up again, with data. */
describe('qa-evaluation migrations of issue 16 (real PostgreSQL)', () => {
  let t: QaHarness;
  let runner: QueryRunner;
  const columns = async (table: string) =>
    (await t.env.query<{ c: string }>(`SELECT column_name c FROM information_schema.columns WHERE table_schema = 'qa' AND table_name = $1 ORDER BY c`, [table])).map((r) => r.c);
  beforeAll(async () => {
    t = await startQa();
    runner = { query: (sql: string, params?: unknown[]) => t.env.query(sql, params) } as unknown as QueryRunner;
  });
  afterAll(async () => t?.close());

  it('are registered in order after the earlier ones', () => {
    const from = QA_MIGRATIONS.indexOf(ComplaintCategories1763800000500);
    expect(QA_MIGRATIONS.slice(from, from + 4)).toEqual([ComplaintCategories1763800000500, KnowledgeErrorItem1763800000600, ConductRecordDateCategory1763800000700, AttendanceDayCopy1763800000800]);
    expect(QA_MIGRATIONS.slice(-2)).toEqual([ListKeys1763800001000, AgentSupervisorIndex1763800001100]);
  });

  it('maps judged complaints of an unknown category to other, and puts them back on down', async () => {
    const m = new ComplaintCategories1763800000500();
    await m.down(runner);
    for (const [id, category] of [['c-free', 'no-callback'], ['c-att', 'attitude'], ['c-open', null], ['c-proc', 'process']] as const) {
      await t.env.query(`INSERT INTO qa.complaint (complaint_id, received_at, channel, summary, registered_by, category) VALUES ($1, now(), 'phone', 's', 'S01', $2)`, [id, category]);
    }
    const categories = async () => t.env.query(`SELECT complaint_id AS id, category FROM qa.complaint WHERE complaint_id LIKE 'c-%' ORDER BY complaint_id`);
    await m.up(runner);
    expect(await categories()).toEqual([{ id: 'c-att', category: 'attitude' }, { id: 'c-free', category: 'other' }, { id: 'c-open', category: null }, { id: 'c-proc', category: 'process' }]);
    await m.down(runner);
    expect(await categories()).toEqual([{ id: 'c-att', category: 'attitude' }, { id: 'c-free', category: 'no-callback' }, { id: 'c-open', category: null }, { id: 'c-proc', category: 'process' }]);
    await m.up(runner);
    expect((await categories()).map((r) => r.category)).toEqual(['attitude', 'other', null, 'process']);
  });

  it('seeds KNOWLEDGE_ERROR once, leaves a tenant\'s own item alone, and removes it on down', async () => {
    const m = new KnowledgeErrorItem1763800000600();
    const item = async () => t.env.query<{ points: number; part: string }>(`SELECT (item->>'points')::int AS points, item->>'scorecardPart' AS part FROM qa.conduct_catalogue WHERE code = 'KNOWLEDGE_ERROR'`);
    expect(await item()).toEqual([{ points: -1, part: 'knowledge' }]);
    await m.up(runner); // idempotent
    expect(await item()).toHaveLength(1);
    await m.down(runner);
    expect(await item()).toEqual([]);
    await m.up(runner);
    expect(await item()).toEqual([{ points: -1, part: 'knowledge' }]);
    await t.env.query(`UPDATE qa.conduct_catalogue SET item = jsonb_set(item, '{points}', '-2') WHERE code = 'KNOWLEDGE_ERROR'`);
    await m.up(runner);
    expect(await item()).toEqual([{ points: -2, part: 'knowledge' }]);
  });

  it('adds the record\'s date and category (backfilled from the catalogue), and drops them on down', async () => {
    const m = new ConductRecordDateCategory1763800000700();
    await m.down(runner);
    expect(await columns('conduct_record')).not.toEqual(expect.arrayContaining(['date']));
    expect(await columns('conduct_record')).not.toEqual(expect.arrayContaining(['category']));
    await t.env.query(
      `INSERT INTO qa.conduct_record (record_id, agent_id, code, kind, amount_fen, points, warning, occurred_at, note, issuer_id, status, label_zh, label_en)
       VALUES ('r-old', 'A1', 'NOISE', 'points', 0, 1, false, now(), 'n', 'S01', 'recorded', '喧哗', 'Noise'),
              ('r-gone', 'A1', 'RETIRED_CODE', 'points', 0, 1, false, now(), 'n', 'S01', 'recorded', 'x', 'x')`,
    );
    await m.up(runner);
    expect(await columns('conduct_record')).toEqual(expect.arrayContaining(['category', 'date']));
    expect(await t.env.query(`SELECT record_id AS id, category, date FROM qa.conduct_record ORDER BY record_id`)).toEqual([
      { id: 'r-gone', category: null, date: null }, { id: 'r-old', category: 'discipline', date: null },
    ]);
  });

  it('indexes the paged lists in their key order, and puts the narrower per-agent indexes back on down', async () => {
    const m = new ListKeys1763800001000();
    const indexes = async () => Object.fromEntries((await t.env.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'qa' AND indexname IN ('evaluation_agent', 'evaluation_listed', 'dispute_evaluation', 'sample_assignment_work_list')`,
    )).map((r) => [r.name, r.def.replace(/^.* USING btree /, '')]));
    const keyed = { evaluation_agent: '(agent_id, created_at, evaluation_id)', evaluation_listed: '(created_at, evaluation_id)', dispute_evaluation: '(evaluation_id, filed_at, dispute_id)', sample_assignment_work_list: '(evaluator_id, period, due_date, call_id)' };
    expect(await indexes()).toEqual(keyed);
    await m.down(runner);
    expect(await indexes()).toEqual({ evaluation_agent: '(agent_id, created_at)' });
    await m.up(runner);
    expect(await indexes()).toEqual(keyed);
  });

  it('indexes the directory copy by supervisor (team scope asks it on every scoped request), and drops it on down', async () => {
    const m = new AgentSupervisorIndex1763800001100();
    const index = async () => (await t.env.query<{ def: string }>(`SELECT indexdef AS def FROM pg_indexes WHERE schemaname = 'qa' AND indexname = 'agent_supervisor'`)).map((r) => r.def.replace(/^.* USING btree /, ''));
    expect(await index()).toEqual(['(supervisor_id)']);
    await m.down(runner);
    expect(await index()).toEqual([]);
    await m.up(runner);
    expect(await index()).toEqual(['(supervisor_id)']);
  });

  it('creates the attendance day copy keyed by agent and date, and drops it on down', async () => {
    const m = new AttendanceDayCopy1763800000800();
    await m.down(runner);
    expect(await columns('attendance_day')).toEqual([]);
    await m.up(runner);
    expect(await columns('attendance_day')).toEqual(['agent_id', 'date', 'early_leave_minutes', 'event_id', 'excused', 'late_minutes', 'status', 'unexcused_late_early_absent', 'updated_at', 'version']);
    await t.env.query(`INSERT INTO qa.attendance_day (agent_id, date, version, status, late_minutes, early_leave_minutes, excused, unexcused_late_early_absent) VALUES ('A1', '2026-10-05', 1, 'present', 3, 0, false, true)`);
    await expect(t.env.query(`INSERT INTO qa.attendance_day (agent_id, date, version, status, late_minutes, early_leave_minutes, excused, unexcused_late_early_absent) VALUES ('A1', '2026-10-05', 2, 'present', 0, 0, false, false)`))
      .rejects.toThrow(/duplicate key/);
  });
});
