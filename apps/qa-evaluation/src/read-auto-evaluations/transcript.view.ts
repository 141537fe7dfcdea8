import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSCRIPT_SPEAKERS } from '@app/contracts';
import type { RejectedSegment, Segment, Speaker, TranscriptState, TranscriptView as Transcript } from '@app/contracts/qa/speech';

export class SegmentView implements Segment {
  @ApiProperty({ enum: TRANSCRIPT_SPEAKERS }) speaker!: Speaker;
  @ApiProperty() startMs!: number;
  @ApiProperty() endMs!: number;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() confidence?: number;
  @ApiPropertyOptional({ enum: ['positive', 'negative', 'neutral', 'mixed'] }) sentiment?: Segment['sentiment'];
}

export class SegmentErrorView {
  @ApiProperty() code!: string;
  @ApiProperty() path!: string;
  @ApiProperty() message!: string;
}

export class RejectedSegmentView implements RejectedSegment {
  @ApiProperty({ description: 'Index in the input / 输入中的序号' }) index!: number;
  @ApiProperty({ type: [SegmentErrorView] }) errors!: SegmentErrorView[];
}

/** `GET /v1/transcripts/{callId}` (libs/contracts qa/speech.ts). */
export class TranscriptView implements Transcript {
  @ApiProperty() callId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() source!: string;
  @ApiProperty({ enum: ['pending', 'waiting', 'checked', 'failed'] }) state!: TranscriptState;
  @ApiProperty({ type: [SegmentView], description: 'In time order: the indexes hits and evidence refer to / 按时间排序' }) segments!: SegmentView[];
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: [RejectedSegmentView], description: 'The first segments refused / 被拒的前若干段' }) rejections!: RejectedSegmentView[];
  @ApiProperty() rejectedCount!: number;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt!: string | null;
}
