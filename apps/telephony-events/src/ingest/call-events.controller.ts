import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { DomainError } from '@app/platform';
import type { RejectedEvent } from '../domain/validate-call-event';
import { IngestCallEvents, type IngestResult } from './ingest-call-events';
import { itemsFromBody } from './request-items';

export const MAX_EVENTS_PER_REQUEST = 5_000;

@ApiTags('call events')
@Controller('v1/call-events')
export class CallEventsController {
  constructor(private readonly ingest: IngestCallEvents) {}

  @Post()
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Ingest canonical call events (JSON array or NDJSON, up to 5,000); answers once they are durable' })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', items: { type: 'object' } } })
  async post(@Body() body: unknown): Promise<IngestResult> {
    const parsed = itemsFromBody(body);
    if ('error' in parsed) throw new DomainError('TELEPHONY.BODY_NOT_EVENTS', parsed.error, 400, [{ path: 'body', message: parsed.error }]);
    return answer(await this.ingestItems(parsed.items, parsed.unreadable));
  }

  private ingestItems(items: unknown[], unreadable: RejectedEvent[]): Promise<IngestResult> {
    if (items.length === 0) throw new DomainError('TELEPHONY.NO_EVENTS', 'The request holds no events / 请求中没有事件', 400, [{ path: 'events', message: 'empty' }]);
    if (items.length > MAX_EVENTS_PER_REQUEST) {
      const message = `At most ${MAX_EVENTS_PER_REQUEST} events per request, got ${items.length} / 每次最多 ${MAX_EVENTS_PER_REQUEST} 条事件`;
      throw new DomainError('TELEPHONY.TOO_MANY_EVENTS', message, 413, [{ path: 'events', message }]);
    }
    return this.ingest.execute(items, 'api', unreadable);
  }
}

/**
 * 202 with the counts; when nothing at all could be accepted the request as a whole failed, so it
 * is a 400 in the contract's error body (with the same per-item report).
 */
export function answer<T extends IngestResult>(result: T): T {
  if (result.accepted === 0 && result.duplicates === 0 && result.rejected.length > 0) {
    const details = result.rejected.flatMap((r) => r.errors);
    throw new DomainError('TELEPHONY.EVENTS_REJECTED', 'No event in the request is valid / 请求中的事件均无效', 400, details).with({
      rejected: result.rejected,
    });
  }
  return result;
}
