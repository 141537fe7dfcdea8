import { ApiProperty } from '@nestjs/swagger';
import type { SwapStatus } from '../store/swap.store';
import type { SwapView } from './swap-queries';

const STATUSES: readonly SwapStatus[] = ['requested', 'consented', 'approved', 'rejected'];
const PAYBACKS: ReadonlyArray<SwapView['payback']> = ['pending', 'worked', 'missed'];

/** A shift swap with its status and whether the pay-back shift was worked. */
export class SwapItemView implements SwapView {
  @ApiProperty() swapId!: string;
  @ApiProperty() requesterId!: string;
  @ApiProperty() counterpartId!: string;
  @ApiProperty({ format: 'date', description: 'the day the counterpart works the requester’s shift' }) date!: string;
  @ApiProperty({ format: 'date', description: 'the day the requester works the counterpart’s shift' }) paybackDate!: string;
  @ApiProperty({ enum: STATUSES }) status!: SwapStatus;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null until the pay-back day closes' }) paybackWorked!: boolean | null;
  @ApiProperty({ enum: PAYBACKS, description: '`paybackWorked` in words' }) payback!: SwapView['payback'];
}
