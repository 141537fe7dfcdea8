import { ApiProperty } from '@nestjs/swagger';

/** An inbox item marked read (the first reading's instant on a repeat). */
export class InboxReadView {
  @ApiProperty() itemId!: string;
  @ApiProperty({ format: 'date-time' }) readAt!: string;
}

/** A reward/penalty record signed from the inbox (the first signature's instant on a repeat). */
export class ConductAcknowledgedView {
  @ApiProperty() itemId!: string;
  @ApiProperty() recordId!: string;
  @ApiProperty({ format: 'date-time' }) acknowledgedAt!: string;
}
