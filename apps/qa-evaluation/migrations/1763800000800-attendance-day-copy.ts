import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * qa's copy of attendance's closed days (`attendance.day.closed`, highest version per agent and date): whether a
 * day carries an unexcused late arrival, early leave or absence, which scoring deducts from the day itself.
 */
export class AttendanceDayCopy1763800000800 implements MigrationInterface {
  name = 'AttendanceDayCopy1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qa.attendance_day (
      agent_id text NOT NULL, date date NOT NULL, version int NOT NULL, event_id text, status text NOT NULL,
      late_minutes int NOT NULL, early_leave_minutes int NOT NULL, excused boolean NOT NULL,
      unexcused_late_early_absent boolean NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agent_id, date))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qa.attendance_day`);
  }
}
