import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { AGENT_ROLES, LEVELS, REGIONS, type AgentRole, type Level, type Region } from '@app/contracts';
import { IsCalendarDate, IsPeriod, IsTrueOrFalse, OneOf } from '@app/platform';
import type { AgentInput } from '../domain/agents/agent-record';
import { OptionalText, RequiredText } from '../http/command-fields';

export const LANGUAGES = ['zh-CN', 'en'] as const;

/**
 * One agent as posted: a JSON object (alone or in an array) or a CSV row with the same columns.
 * Each is checked alone (checkItems), so one bad row never refuses the others.
 */
export class UpsertAgentCommand {
  @RequiredText(64, { description: 'The agent’s id (key of the upsert)', example: 'A1' })
  agentId!: string;

  @RequiredText(200, { description: 'Name as people read it', example: '李娜' })
  name!: string;

  @RequiredText(64, { description: 'Team code', example: 'T1' })
  team!: string;

  @ApiProperty({ enum: REGIONS, description: 'Region (at most the policy’s number of agents per region per team)', example: 'east' })
  @OneOf(REGIONS)
  region!: Region;

  @ApiPropertyOptional({ enum: AGENT_ROLES, description: 'Role; default agent', example: 'agent' })
  @IsOptional()
  @OneOf(AGENT_ROLES)
  role?: AgentRole | null;

  @ApiProperty({ type: String, format: 'date', description: 'Hire date yyyy-mm-dd', example: '2026-03-01' })
  @IsCalendarDate()
  hireDate!: string;

  @OptionalText(200, { description: 'The supervisor’s id', example: 'S01' })
  supervisorId?: string | null;

  @ApiPropertyOptional({ enum: LEVELS, nullable: true, description: 'Level; left out: a new agent is a trainee, an existing one keeps theirs', example: 'regular' })
  @IsOptional()
  @OneOf(LEVELS)
  level?: Level | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Month yyyy-mm the level takes effect; default the current month when the level is set or changed', example: '2026-11' })
  @IsOptional()
  @IsPeriod()
  levelEffectiveFrom?: string | null;

  @ApiPropertyOptional({ type: Boolean, description: 'Default true', example: true })
  @IsOptional()
  @IsTrueOrFalse()
  active?: boolean | null;

  @OptionalText(200, { description: 'E-mail address', example: 'li.na@example.com' })
  @Matches(/^$|^[^@\s]+@[^@\s]+$/, { message: 'an e-mail address / 须为电子邮件地址' })
  email?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of notices; default zh-CN', example: 'zh-CN' })
  @IsOptional()
  @OneOf(LANGUAGES)
  language?: (typeof LANGUAGES)[number] | null;
}

/** The checked command as the domain takes it: text trimmed, defaults applied, level left to resolveAgent. */
export function agentInputOf(c: UpsertAgentCommand): AgentInput {
  return {
    agentId: c.agentId.trim(), name: c.name.trim(), team: c.team.trim(), region: c.region, role: c.role ?? 'agent', hireDate: c.hireDate,
    supervisorId: c.supervisorId || null, active: c.active ?? true, email: c.email || null, language: c.language ?? 'zh-CN',
    ...(c.level == null ? {} : { level: c.level }),
    ...(c.levelEffectiveFrom == null ? {} : { levelEffectiveFrom: c.levelEffectiveFrom }),
  };
}
