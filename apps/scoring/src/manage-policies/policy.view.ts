import { ApiProperty } from '@nestjs/swagger';
import type { ScoringPolicy } from '../domain/policy/scoring-policy';
import type { StoredPolicy } from '../store/policy.store';

/** A policy version / 政策版本 */
export class PolicyView implements StoredPolicy {
  @ApiProperty({ example: 'default-v1' }) policyVersion: string;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty({ example: '2026-10', description: 'The first month it scores / 生效月份' }) effectiveFrom: string;
  // The document's own shape is checked on write (create-policy.ts); the list shows it whole.
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The full policy document / 完整政策文档' }) document: ScoringPolicy;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) activatedAt: string | null;
  @ApiProperty({ description: 'The one in force / 当前生效' }) active: boolean;
}
