import { Body, Controller, HttpCode, Logger, Post, Query } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { SUBJECTS } from '@app/contracts';
import { JetStreamEventPattern } from '@app/messaging';
import { IngestTranscript, type TranscriptAnswer, type TranscriptBatchAnswer } from './ingest-transcript';

const SEGMENT = {
  type: 'object',
  required: ['speaker', 'startMs', 'endMs', 'text'],
  properties: {
    speaker: { type: 'string', enum: ['agent', 'customer'] },
    startMs: { type: 'integer', minimum: 0, description: 'ms from the start of the recording' },
    endMs: { type: 'integer', minimum: 0 },
    text: { type: 'string', maxLength: 4000 },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
  },
};

const TRANSCRIPT = { type: 'object', required: ['callId', 'segments'], properties: { callId: { type: 'string' }, segments: { type: 'array', items: SEGMENT }, source: { type: 'string' } } };

@ApiTags('speech-qa')
@Controller('v1/transcripts')
export class IngestTranscriptController {
  private readonly logger = new Logger(IngestTranscriptController.name);

  constructor(private readonly ingest: IngestTranscript) {}

  @Post()
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'A call\'s transcript (or an array of up to 100, each answered at its index); bad segments are reported by index, code and path, the good ones kept and checked' })
  @ApiBody({ schema: { oneOf: [TRANSCRIPT, { type: 'array', items: TRANSCRIPT, maxItems: 100 }] } })
  post(@Body() body: unknown): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    return this.ingest.execute('canonical', body, 'api');
  }

  @Post('amazon-transcribe')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Amazon Transcribe Call Analytics output (Transcript[] with ParticipantRole, BeginOffsetMillis, EndOffsetMillis, Content, Sentiment)' })
  @ApiQuery({ name: 'callId', required: false, description: 'default: the job\'s JobName' })
  amazon(@Body() body: unknown, @Query('callId') callId?: string): Promise<TranscriptAnswer | TranscriptBatchAnswer> {
    return this.ingest.execute('amazon-transcribe', body, 'amazon-transcribe', callId);
  }

  @Post('aliyun-paraformer')
  @HttpCode(202)
  @Roles('telephony')
  @ApiOperation({ summary: 'Alibaba Cloud recording-file recognition result (transcripts[].sentences[] per channel_id; channel → speaker by policy)' })
  @ApiQuery({ name: 'callId', required: true })
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
