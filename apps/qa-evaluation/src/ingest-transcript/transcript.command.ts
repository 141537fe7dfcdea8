import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsText } from '@app/platform';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;
const printable = (field: string) => ({ message: `${field} must be printable / ${field} 须为可打印字符` });

/**
 * One utterance of `POST /v1/transcripts`. This class is the schema (OpenAPI) and the type the use case
 * receives; the segments themselves are read by `checkSegment`, not by class-validator: a 4-hour call is
 * thousands of them, each bad one is reported with its own QA.SEGMENT_* code and the good ones kept, and a
 * recogniser's extra fields are dropped rather than refused. Keep the two in step.
 */
export class SegmentCommand {
  @ApiProperty({ enum: ['agent', 'customer'], example: 'agent' })
  @IsIn(['agent', 'customer'])
  speaker!: 'agent' | 'customer';

  @ApiProperty({ description: 'ms from the start of the recording; at most the policy\'s longest recording', minimum: 0, example: 0 })
  @IsInt()
  @Min(0)
  startMs!: number;

  @ApiProperty({ description: 'ms from the start of the recording, not before startMs', minimum: 0, example: 2400 })
  @IsInt()
  @Min(0)
  endMs!: number;

  @ApiProperty({ description: 'Printable, not blank; at most the policy\'s maxTextLength (4000 by default)', example: '您好, 很高兴为您服务' })
  @IsString()
  @Matches(/\S/)
  text!: string;

  @ApiPropertyOptional({ description: 'The recogniser\'s confidence', minimum: 0, maximum: 1, example: 0.93 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  confidence?: number;

  @ApiPropertyOptional({ enum: ['positive', 'negative', 'neutral', 'mixed'], description: 'Kept for display when a recogniser reports it' })
  @IsOptional()
  @IsIn(['positive', 'negative', 'neutral', 'mixed'])
  sentiment?: 'positive' | 'negative' | 'neutral' | 'mixed';
}

/**
 * A call's transcript, `POST /v1/transcripts` (alone or in an array) and `telephony.call.transcribed`. How many
 * segments a transcript may hold is the policy's (413 QA.TRANSCRIPT_TOO_LONG), so only the list's shape is checked here.
 */
export class TranscriptCommand {
  @ApiProperty({ example: 'call-2026-10-07-0001', maxLength: 200 })
  @IsText(200)
  @Matches(PRINTABLE, printable('callId'))
  callId!: string;

  @ApiProperty({ type: [SegmentCommand], description: 'Bad segments are reported by index, code and path; the good ones kept' })
  @IsArray({ message: 'segments must be an array / segments 须为数组' })
  segments!: SegmentCommand[];

  @ApiPropertyOptional({ description: 'The recogniser or system that produced it (default: how it arrived)', example: 'asr-bus', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  @Matches(PRINTABLE, printable('source'))
  source?: string;
}
