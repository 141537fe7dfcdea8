import { Body, Controller, HttpCode, Logger, Post, Query } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApiBody, ApiExtraModels, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { IngestTranscript, type TranscriptAnswer, type TranscriptBatchAnswer } from './ingest-transcript';
import { TranscriptCommand } from './transcript.command';

@ApiTags('speech-qa')
@ApiExtraModels(TranscriptCommand)
@Controller('v1/transcripts')
export class IngestTranscriptController {
  private readonly logger = new Logger(IngestTranscriptController.name);

  constructor(private readonly ingest: IngestTranscript) {}

  @Post()
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'A call\'s transcript (or an array of up to 100, each answered at its index); bad segments are reported by index, code and path, the good ones kept and checked' })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(TranscriptCommand) }, { type: 'array', items: { $ref: getSchemaPath(TranscriptCommand) }, maxItems: 100 }] } })
  // One transcript or an array of them (a union, so the global pipe leaves it): the use case checks each against
  // TranscriptCommand with checkAgainst — an array's items one by one, answered at their index — as it does the bus's.
  post(@Body() body: TranscriptCommand | TranscriptCommand[]): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    return this.ingest.execute('canonical', body, 'api');
  }

  @Post('amazon-transcribe')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Amazon Transcribe Call Analytics output (Transcript[] with ParticipantRole, BeginOffsetMillis, EndOffsetMillis, Content, Sentiment)' })
  @ApiQuery({ name: 'callId', required: false, description: 'default: the job\'s JobName' })
  // eslint-disable-next-line no-restricted-syntax -- a vendor's document, read field by field by its adapter (Transcript[] → segments, each bad one reported)
  amazon(@Body() body: unknown, @Query('callId') callId?: string): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    return this.ingest.execute('amazon-transcribe', body, 'amazon-transcribe', callId);
  }

  @Post('aliyun-paraformer')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Alibaba Cloud recording-file recognition result (transcripts[].sentences[] per channel_id; channel → speaker by policy)' })
  @ApiQuery({ name: 'callId', required: true })
  // eslint-disable-next-line no-restricted-syntax -- a vendor's document, read field by field by its adapter (sentences per channel → segments, each bad one reported)
  aliyun(@Body() body: unknown, @Query('callId') callId?: string): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    return this.ingest.execute('aliyun-paraformer', body, 'aliyun-paraformer', callId);
  }

  /**
   * The same transcript on the bus, idempotent by message id (the inbox records it in the transcript's
   * transaction). One that cannot be taken is a DomainError: not retryable, it goes to the dead letters at once.
   */
  @JetStreamEventPattern(SUBJECTS.telephony.callTranscribed)
  async onTranscribed(@Payload() e: unknown): Promise<void> {
    const answer = await this.ingest.execute('canonical', e, 'nats');
    // An array on the bus: the transcripts that could be used are stored; the others are told here, nowhere else.
    if ('refused' in answer && answer.refused > 0) {
      for (const t of answer.transcripts) if ('error' in t) this.logger.warn(`telephony.call.transcribed item ${t.index} refused: ${t.error} ${t.details.map((d) => d.path).join(', ')}`);
    }
  }
}
