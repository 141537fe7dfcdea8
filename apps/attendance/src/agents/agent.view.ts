import { ApiProperty } from '@nestjs/swagger';
import { AGENT_ROLES, LEVELS, REGIONS, type AgentRole, type Level, type Region } from '@app/contracts';
import { LANGUAGES } from './upsert-agent.command';

/** An agent of the directory as attendance holds it, with its version. */
export class AgentView {
  @ApiProperty({ example: 'A1' }) agentId!: string;
  @ApiProperty({ example: '李娜' }) name!: string;
  @ApiProperty({ example: 'T1' }) team!: string;
  @ApiProperty({ enum: REGIONS }) region!: Region;
  @ApiProperty({ enum: AGENT_ROLES }) role!: AgentRole;
  @ApiProperty({ description: 'yyyy-MM-dd', example: '2025-03-01' }) hireDate!: string;
  @ApiProperty({ type: String, nullable: true }) supervisorId!: string | null;
  @ApiProperty({ enum: LEVELS }) level!: Level;
  // Null for an agent stored before the field existed.
  @ApiProperty({ type: String, nullable: true, description: 'yyyy-MM: the month from which `level` holds', example: '2025-05' }) levelEffectiveFrom!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: (typeof LANGUAGES)[number];
  @ApiProperty({ description: 'the record’s version, raised by every change' }) version!: number;
}
