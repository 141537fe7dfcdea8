import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant, IsText } from '@app/platform';

/** `POST /v1/complaints`: who may name the agent is the use case's question (team scope). */
export class RegisterComplaintCommand {
  @ApiProperty({ format: 'date-time', example: '2026-10-09T15:20:00+08:00' })
  @IsInstant()
  receivedAt!: string;

  @ApiProperty({ description: 'How it came in', example: 'hotline', maxLength: 100 })
  @IsText(100)
  channel!: string;

  @ApiProperty({ example: '客户投诉坐席态度差', maxLength: 4000 })
  @IsText(4000)
  summary!: string;

  @ApiPropertyOptional({ example: 'call-0001', maxLength: 200 })
  @IsOptional()
  @IsText(200)
  callId?: string;

  @ApiPropertyOptional({ description: 'The agent complained about', example: 'A1001', maxLength: 100 })
  @IsOptional()
  @IsText(100)
  agentId?: string;
}
