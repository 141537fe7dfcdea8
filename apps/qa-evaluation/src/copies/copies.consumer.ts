import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SUBJECTS, type AgentUpsertedEvent, type CallSummarizedEvent, type DayClosedEvent } from '@app/contracts';
import { JetStreamEventPattern, NonRetryableMessageError } from '@app/messaging';
import { isCalendarDate } from '@app/contracts';
import { AgentDirectory } from '../store/agent-directory';
import { AttendanceDayStore } from '../store/attendance-day.store';
import { CallCopyStore } from '../store/call-copy.store';

/** qa's own copies of the facts it shows, samples from and checks hand records against: calls, agents and days. */
@Controller()
export class CopiesConsumer {
  constructor(
    private readonly calls: CallCopyStore,
    private readonly agents: AgentDirectory,
    private readonly days: AttendanceDayStore,
  ) {}

  @JetStreamEventPattern(SUBJECTS.telephony.callSummarized)
  async onCallSummarized(@Payload() e: CallSummarizedEvent): Promise<void> {
    if (typeof e?.callId !== 'string' || typeof e.version !== 'number' || !Array.isArray(e.legs)) throw new NonRetryableMessageError('call summary without callId, version or legs');
    await this.calls.save(e);
  }

  @JetStreamEventPattern(SUBJECTS.attendance.agentUpserted)
  async onAgentUpserted(@Payload() e: AgentUpsertedEvent): Promise<void> {
    if (typeof e?.agentId !== 'string' || typeof e.version !== 'number') throw new NonRetryableMessageError('agent event without agentId or version');
    await this.agents.save(e);
  }

  /** The day's attendance facts, so a hand record of a late/early/absent day scoring already deducts is refused. */
  @JetStreamEventPattern(SUBJECTS.attendance.dayClosed)
  async onDayClosed(@Payload() e: DayClosedEvent): Promise<void> {
    const minutes = (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= 0);
    if (typeof e?.agentId !== 'string' || !isCalendarDate(e.date) || !Number.isInteger(e.version) || typeof e.status !== 'string' || !minutes(e.lateMinutes) || !minutes(e.earlyLeaveMinutes)) {
      throw new NonRetryableMessageError('day event without agentId, date (yyyy-mm-dd), version or status, or with bad minutes');
    }
    await this.days.save(e);
  }
}
