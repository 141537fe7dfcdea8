import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DateTime } from 'luxon';
import { Roles } from '@app/auth';
import { DomainError } from '@app/platform';
import { computeQueueStats, type QueueStatsReport } from '../domain/queue-stats';
import { TelephonyPolicyStore } from '../policy/telephony-policy.store';
import { CallFactsStore } from '../store/call-facts.store';
import { QueueStatsQuery } from './queue-stats.query';

const MAX_WINDOW_DAYS = 92;

/** The wallboard view of the same facts that feed scoring. */
@ApiTags('queues')
@Controller('v1/queues')
export class QueueStatsController {
  constructor(
    private readonly facts: CallFactsStore,
    private readonly policy: TelephonyPolicyStore,
  ) {}

  @Get('stats')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Offered, answered, abandoned by reason, ASA, talk/hold, three service-level variants, wait bins, by day and hour' })
  async stats(@Query() q: QueueStatsQuery): Promise<QueueStatsReport> {
    const { values } = await this.policy.current();
    const from = instant(q.from, values.timeZone, 'from');
    const to = instant(q.to, values.timeZone, 'to');
    if (to <= from) throw new DomainError('TELEPHONY.BAD_WINDOW', 'to must be after from / 结束时间须晚于开始时间', 400, [{ path: 'to', message: 'must be after from' }]);
    if (to - from > MAX_WINDOW_DAYS * 86_400_000) {
      throw new DomainError('TELEPHONY.WINDOW_TOO_LONG', `At most ${MAX_WINDOW_DAYS} days per query / 每次最多查询 ${MAX_WINDOW_DAYS} 天`, 400, [
        { path: 'to', message: `window longer than ${MAX_WINDOW_DAYS} days` },
      ]);
    }
    const calls = await this.facts.inWindow({ from: new Date(from), to: new Date(to), queue: q.queue });
    return computeQueueStats(calls, {
      from,
      to,
      timeZone: values.timeZone,
      targetMs: q.targetSec !== undefined ? q.targetSec * 1000 : values.serviceLevelTargetMs,
      binMs: values.waitBinMs,
    });
  }
}

/** A bare date is local midnight in the policy's zone; an instant must carry its offset. */
function instant(value: string, zone: string, path: string): number {
  const bareDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dt = bareDate ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value, { setZone: true });
  if (!dt.isValid || (!bareDate && !/(Z|[+-]\d{2}:?\d{2})$/.test(value))) {
    throw new DomainError('TELEPHONY.BAD_INSTANT', `${path} needs a date or an instant with offset / ${path} 须为日期或带时区的时间`, 400, [
      { path, message: 'expected yyyy-mm-dd or an ISO-8601 instant with offset' },
    ]);
  }
  return dt.toMillis();
}
